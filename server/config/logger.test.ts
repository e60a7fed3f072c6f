import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";

describe("structured logs", () => {
  it("keep CR, LF, ANSI and control characters from user input inside one escaped JSON line", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split("\n").filter(Boolean));
        done();
      },
    });
    const log = pino({ base: undefined }, sink);
    const hostile = 'admin\r\n{"level":30,"msg":"forged"}\u001b[31m\u0000';
    log.info({ username: hostile }, "sign-in failed");
    expect(lines).toHaveLength(1);
    const parsed = JSON.parse(lines[0]!);
    expect(parsed.username).toBe(hostile);
    expect(lines[0]).not.toContain("\r");
    expect(lines[0]).toContain("\\r\\n");
    expect(lines[0]).toContain("\\u001b");
  });
});
