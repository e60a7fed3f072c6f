import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const maxLines = 400;
const checkedFolders = ["app", "server", "components", "db/schema", "e2e", "bench"];

function sourceFiles(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(path.join(root, folder), { withFileTypes: true })) {
    const relative = path.posix.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...sourceFiles(relative));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) found.push(relative);
  }
  return found;
}

function lineCount(text: string): number {
  return text.endsWith("\n") ? text.split("\n").length - 1 : text.split("\n").length;
}

/** The `server/<domain>/` folder a file belongs to; files directly in `server/` belong to none. */
function domainOf(file: string): string | null {
  const parts = file.split("/");
  return parts[0] === "server" && parts.length > 2 ? parts[1]! : null;
}

/** Tests, their fixtures and helpers, and the test database in `server/test/`. */
function isTestSupport(file: string): boolean {
  return file.startsWith("server/test/") || /(\.test|test-fixture|test-helpers)\.ts$/.test(file);
}

/** Folder-level edges: which `server/<domain>/` folders each folder's non-test files import. */
export function folderImports(files: { file: string; text: string }[]): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const { file, text } of files) {
    const from = domainOf(file);
    if (!from) continue;
    for (const match of text.matchAll(/(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)) {
      const specifier = (match[1] ?? match[2])!;
      let target: string;
      if (specifier.startsWith("@/")) target = specifier.slice(2);
      else if (specifier.startsWith(".")) target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
      else continue;
      const to = domainOf(target);
      if (!to || to === from) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)!.add(to);
    }
  }
  return edges;
}

/** Strongly connected components with more than one node (Tarjan): every import cycle, however long. */
export function findCycles(edges: Map<string, Set<string>>): string[][] {
  const nodes = new Set<string>([...edges.keys(), ...[...edges.values()].flatMap((targets) => [...targets])]);
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let counter = 0;
  const visit = (node: string) => {
    index.set(node, counter);
    lowLink.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        lowLink.set(node, Math.min(lowLink.get(node)!, lowLink.get(next)!));
      } else if (onStack.has(next)) {
        lowLink.set(node, Math.min(lowLink.get(node)!, index.get(next)!));
      }
    }
    if (lowLink.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const node of [...nodes].sort()) if (!index.has(node)) visit(node);
  return cycles;
}

describe("architecture", () => {
  const files = checkedFolders.flatMap(sourceFiles).map((file) => ({ file, text: readFileSync(path.join(root, file), "utf8") }));

  it(`keeps every source file at ${maxLines} lines or fewer`, () => {
    const tooLong = files.filter(({ text }) => lineCount(text) > maxLines).map(({ file, text }) => `${file} (${lineCount(text)})`);
    expect(tooLong, `split these along their concerns: ${tooLong.join(", ")}`).toEqual([]);
  });

  it("has no import cycle between server/<domain>/ folders", () => {
    // Tests and their set-up may bring several domains together; the code they test may not.
    const code = files.filter(({ file }) => file.startsWith("server/") && !isTestSupport(file));
    const cycles = findCycles(folderImports(code));
    expect(
      cycles.map((cycle) => cycle.join(" → ")),
      "folders that import each other",
    ).toEqual([]);
  });

  it("finds a cycle through several folders, and none in a layered graph", () => {
    const graph = (pairs: [string, string][]) => {
      const edges = new Map<string, Set<string>>();
      for (const [from, to] of pairs) edges.set(from, new Set([...(edges.get(from) ?? []), to]));
      return edges;
    };
    expect(
      findCycles(
        graph([
          ["a", "b"],
          ["b", "c"],
          ["c", "a"],
          ["c", "d"],
        ]),
      ),
    ).toEqual([["a", "b", "c"]]);
    expect(
      findCycles(
        graph([
          ["a", "b"],
          ["b", "a"],
          ["d", "e"],
          ["e", "d"],
        ]),
      ),
    ).toEqual([
      ["a", "b"],
      ["d", "e"],
    ]);
    expect(
      findCycles(
        graph([
          ["a", "b"],
          ["b", "c"],
          ["a", "c"],
        ]),
      ),
    ).toEqual([]);
  });

  it("reads folder edges from alias and relative imports, leaving out packages and the folder itself", () => {
    const edges = folderImports([
      { file: "server/a/x.ts", text: 'import { y } from "../b/y";\nimport type { Z } from "@/server/c/z";\nimport { w } from "./w";' },
      { file: "server/b/y.ts", text: 'import { z } from "zod";\nexport { x } from "../a/x";' },
      { file: "server/c/z.ts", text: 'const lazy = () => import("../d/d");' },
    ]);
    expect(edges).toEqual(
      new Map([
        ["a", new Set(["b", "c"])],
        ["b", new Set(["a"])],
        ["c", new Set(["d"])],
      ]),
    );
    expect(findCycles(edges)).toEqual([["a", "b"]]);
  });
});
