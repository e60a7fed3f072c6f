/**
 * What the realtime bench runs on (besides the database, `../postgres-server.ts`): meetings seeded through the real services (cases with an encrypted
 * Aktendeckblatt and a Schweigepflichtentbindung on every agenda), and server processes.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import type { Database } from "@/db";
import { conferenceParticipants } from "@/db/schema";
import type { Actor } from "@/server/auth/policy";
import { applyBoardOperation } from "@/server/conferences/board";
import { createCase } from "@/server/test/case-factories";
import { createConference } from "@/server/test/conference-factories";
import { callerFor, createActor } from "@/server/test/factories";
import { inBatches } from "./load";

export interface Meeting {
  conferenceId: string;
  moderator: Actor;
  /** Everyone who takes part, the moderator first. */
  people: Actor[];
  /** The agenda's cases (case ids; the bench maps them to meeting ids itself). */
  caseIds: string[];
}

/**
 * A Planungskonferenz of `size` people in its card phase: the coordination moderates, a case
 * manager brings two cases, the others work for an organisation the cases' consent covers.
 */
export async function seedMeeting(db: Database, tenant: { id: string }, organisationId: string, size: number): Promise<Meeting> {
  const moderator = await createActor(db, tenant.id, ["coordinator"]);
  const caseManager = await createActor(db, tenant.id, ["case_manager"], { organisationId });
  const others = await inBatches(Array.from({ length: size - 2 }), 8, () =>
    createActor(db, tenant.id, ["network_actor"], { organisationId }),
  );
  const cases = [];
  for (let i = 0; i < 2; i++) {
    const created = await createCase(db, { manager: caseManager, consentFor: [organisationId] });
    await callerFor(db, caseManager).cases.saveSummary({
      caseId: created.id,
      title: "Wohnungssuche",
      body: "Eine Familie sucht eine größere Wohnung.",
    });
    cases.push(created);
  }
  const invited = [caseManager, ...others];
  const conference = await createConference(db, {
    planner: moderator,
    type: "planungskonferenz",
    place: "Kreishaus",
    participants: invited.slice(0, 29),
    cases: cases.map((c) => ({ id: c.id, manager: caseManager })),
  });
  // The invitation form takes 29 people; a larger meeting (a Regionalkonferenz) is set up directly.
  if (invited.length > 29) {
    await db
      .insert(conferenceParticipants)
      .values(invited.slice(29).map((person) => ({ conferenceId: conference.id, userId: person.userId, role: "participant" as const })));
  }
  // "Falldurchgang" of the default Ablaufplan: everyone writes cards.
  await applyBoardOperation(db, moderator, {
    conferenceId: conference.id,
    clientOpId: randomBytes(12).toString("hex"),
    op: { kind: "phase.set", index: 1 },
  });
  return { conferenceId: conference.id, moderator, people: [moderator, ...invited], caseIds: cases.map((c) => c.id) };
}

export interface ServerNode {
  url: string;
  stop: () => Promise<void>;
}

const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

// BENCH_PROFILE=<folder>: each server process writes a CPU profile there when it stops.
const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];

/** A server process of bench/realtime/node.ts in the given mode, on the given database. */
export async function startNode(mode: "board" | "floor", databaseUrl: string): Promise<ServerNode> {
  const child = spawn(process.execPath, [...profile, "--import", "tsx", "bench/realtime/node.ts"], {
    env: { ...process.env, BENCH_MODE: mode, DATABASE_URL: databaseUrl, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  running.add(child);
  const port = await new Promise<number>((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", (code) => reject(new Error(`bench server (${mode}) exited with ${code}: ${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
      running.delete(child);
    },
  };
}
