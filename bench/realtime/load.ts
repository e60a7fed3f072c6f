/**
 * The people of the realtime bench: socket.io clients that join their meeting and send operations
 * at a person's pace, and the figures taken from them (ack and fan-out latencies, throughput).
 */
import { randomUUID } from "node:crypto";
import { io as connect, type Socket } from "socket.io-client";

export interface Person {
  socket: Socket;
  meeting: number;
  index: number;
}

export interface Figures {
  ackMs: number[];
  fanoutMs: number[];
  opsPerSecond: number;
  refused: number;
  /** Operations acknowledged but not delivered to every participant of their meeting. */
  lost: number;
  refusals: string[];
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A socket of one person, connected as a browser connects (websocket, same origin, session cookie). */
export async function connectPerson(url: string, cookie?: string): Promise<Socket> {
  const socket = connect(url, {
    path: "/socket.io",
    transports: ["websocket"],
    reconnection: false,
    extraHeaders: { origin: url, ...(cookie ? { cookie } : {}) },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return socket;
}

/** Runs `task` over the items with at most `parallel` at once (connecting thousands of sockets). */
export async function inBatches<T, R>(items: T[], parallel: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await task(items[index]!, index);
      }
    }),
  );
  return results;
}

export type Send = (person: Person, clientOpId: string) => Promise<{ ok: boolean; message?: string }>;

/**
 * Every person sends `opsPerPerson` operations, one per `meanIntervalMs` from a random start
 * within the first interval (so the meeting's operations are spread evenly and the offered rate is
 * people / interval), each moment jittered by ±25 %; the next only after the previous was
 * acknowledged. Ack latency: sent → acknowledged. Fan-out latency: sent → the last person of the
 * meeting has the broadcast.
 */
export async function drive(people: Person[], meanIntervalMs: number, opsPerPerson: number, send: Send): Promise<Figures> {
  const meetingSize = new Map<number, number>();
  for (const person of people) meetingSize.set(person.meeting, (meetingSize.get(person.meeting) ?? 0) + 1);
  const sentAt = new Map<string, { at: number; meeting: number; seen: number }>();
  const fanoutMs: number[] = [];
  const ackMs: number[] = [];
  const refusals: string[] = [];
  const listeners = people.map((person) => {
    const listener = (payload: { clientOpId?: string }) => {
      const sent = payload.clientOpId ? sentAt.get(payload.clientOpId) : undefined;
      if (!sent || sent.meeting !== person.meeting) return;
      sent.seen++;
      if (sent.seen === meetingSize.get(person.meeting)) fanoutMs.push(performance.now() - sent.at);
    };
    person.socket.on("board:applied", listener);
    return listener;
  });
  const started = performance.now();
  await Promise.all(
    people.map(async (person) => {
      const phase = Math.random() * meanIntervalMs;
      for (let i = 0; i < opsPerPerson; i++) {
        const due = started + phase + (i + (Math.random() - 0.5) / 2) * meanIntervalMs;
        await sleep(Math.max(0, due - performance.now()));
        const clientOpId = randomUUID().replace(/-/g, "");
        const before = performance.now();
        sentAt.set(clientOpId, { at: before, meeting: person.meeting, seen: 0 });
        const ack = await send(person, clientOpId);
        if (ack.ok) ackMs.push(performance.now() - before);
        else {
          sentAt.delete(clientOpId);
          refusals.push(ack.message ?? "?");
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  // Broadcasts may still be on their way to the last people.
  for (let waited = 0; fanoutMs.length < ackMs.length && waited < 10_000; waited += 20) await sleep(20);
  people.forEach((person, index) => person.socket.off("board:applied", listeners[index]));
  return {
    ackMs,
    fanoutMs,
    opsPerSecond: ackMs.length / elapsed,
    refused: refusals.length,
    lost: ackMs.length - fanoutMs.length,
    refusals: [...new Set(refusals)],
  };
}

/** An acknowledgement, or a refusal when none comes within the timeout. */
export function emitWithAck(
  socket: Socket,
  event: string,
  payload: unknown,
  timeoutMs = 30_000,
): Promise<{ ok: boolean; message?: string }> {
  return socket
    .timeout(timeoutMs)
    .emitWithAck(event, payload)
    .catch(() => ({ ok: false, message: "no ack" }));
}
