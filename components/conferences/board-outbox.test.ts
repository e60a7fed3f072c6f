import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { BoardOpAck } from "@/server/schemas/board";
import { BoardOutbox, outcomeOf, type Outcome } from "./board-outbox";

interface Item {
  clientOpId: string;
}

const tooFast: BoardOpAck = { ok: false, code: "RATE_LIMITED", message: "Zu viele Änderungen in kurzer Zeit. Bitte einen Moment warten." };

/**
 * The server's side as the page meets it: 20 operations per second per connection (a window that
 * starts with the first one), more are refused for rate; every operation is answered after `latency`.
 * Operations already stored are answered again without being stored twice, as the server does.
 */
function fakeServer({ latency = 5, refuse }: { latency?: number; refuse?: (clientOpId: string) => BoardOpAck | null } = {}) {
  const sent: { connection: string; clientOpId: string; at: number }[] = [];
  const stored: string[] = [];
  const refusals: string[] = [];
  const pendingAnswers: { clientOpId: string; answer: () => void }[] = [];
  let connection = "first";
  let windowStart = -Infinity;
  let used = 0;
  return {
    sent,
    stored,
    refusals,
    pendingAnswers,
    connect(id: string) {
      connection = id;
      windowStart = -Infinity;
      used = 0;
    },
    send(item: Item, settle: (outcome: Outcome) => void, { hold = false } = {}) {
      const now = Date.now();
      sent.push({ connection, clientOpId: item.clientOpId, at: now });
      if (now >= windowStart + 1000) {
        windowStart = now;
        used = 0;
      }
      used++;
      let ack: BoardOpAck;
      if (used > 20) ack = tooFast;
      else ack = refuse?.(item.clientOpId) ?? { ok: true, seq: stored.length + 1 };
      if (ack.ok && !stored.includes(item.clientOpId)) stored.push(item.clientOpId);
      if (!ack.ok) refusals.push(item.clientOpId);
      const answer = () => settle(outcomeOf(ack));
      if (hold) pendingAnswers.push({ clientOpId: item.clientOpId, answer });
      else setTimeout(answer, latency);
    },
  };
}

const items = (count: number) => Array.from({ length: count }, (_, i) => ({ clientOpId: `op${String(i + 1).padStart(6, "0")}` }));

describe("the board's outbox: what a page typed reaches the server, paced, once, in order", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("sends 50 operations typed offline after the reconnect in typed order, within the server's limit, each once", async () => {
    const server = fakeServer();
    const refused: string[] = [];
    // New cards, as typed offline: several may be on the way at once.
    const outbox = new BoardOutbox<Item>({
      send: (item, settle) => server.send(item, settle),
      onChange: () => undefined,
      onRefused: (item) => refused.push(item.clientOpId),
      independent: () => true,
    });
    const typed = items(50);
    for (const item of typed) outbox.push(item);
    expect(server.sent).toEqual([]);

    outbox.online("first");
    await vi.advanceTimersByTimeAsync(10_000);

    expect(server.refusals).toEqual([]);
    expect(refused).toEqual([]);
    expect(server.stored).toEqual(typed.map((i) => i.clientOpId));
    expect(server.sent.map((s) => s.clientOpId)).toEqual(typed.map((i) => i.clientOpId));
    expect(outbox.pending).toEqual([]);
    // At most 15 in any second, and done in well under five seconds.
    for (const send of server.sent)
      expect(server.sent.filter((s) => s.at >= send.at && s.at < send.at + 1000).length).toBeLessThanOrEqual(15);
    expect(server.sent.at(-1)!.at - server.sent[0]!.at).toBeLessThan(4000);
  });

  it("keeps an operation refused for rate and sends it again after a pause; it is never dropped", async () => {
    let firstTry = true;
    const server = fakeServer({
      refuse: (id) => {
        if (id !== "op000002" || !firstTry) return null;
        firstTry = false;
        return tooFast;
      },
    });
    const refused: string[] = [];
    // Whenever the page's pending cards changed: was "op000002" gone from them before the server had it?
    const droppedEarly: boolean[] = [];
    const outbox = new BoardOutbox<Item>({
      send: server.send,
      onChange: (pending) => droppedEarly.push(!pending.some((i) => i.clientOpId === "op000002") && !server.stored.includes("op000002")),
      onRefused: (item) => refused.push(item.clientOpId),
    });
    for (const item of items(3)) outbox.push(item);
    droppedEarly.length = 0;
    outbox.online("first");
    await vi.advanceTimersByTimeAsync(100);
    // Refused for rate: still waiting, and the one behind it waits too, so the order holds.
    expect(outbox.pending.map((i) => i.clientOpId)).toEqual(["op000002", "op000003"]);
    expect(server.stored).toEqual(["op000001"]);

    await vi.advanceTimersByTimeAsync(1500);
    expect(server.stored).toEqual(["op000001", "op000002", "op000003"]);
    expect(outbox.pending).toEqual([]);
    expect(refused).toEqual([]);
    // The card never left the page in between.
    expect(droppedEarly).not.toContain(true);
  });

  it("drops an operation the server refuses for good, with its message, and goes on with the next", async () => {
    const server = fakeServer({
      refuse: (id) => (id === "op000002" ? { ok: false, code: "FORBIDDEN", message: "Dafür fehlt Ihnen die Berechtigung." } : null),
    });
    const refused: { id: string; message: string }[] = [];
    const outbox = new BoardOutbox<Item>({
      send: server.send,
      onChange: () => undefined,
      onRefused: (item, message) => refused.push({ id: item.clientOpId, message }),
    });
    outbox.online("first");
    for (const item of items(3)) outbox.push(item);
    await vi.advanceTimersByTimeAsync(100);
    expect(refused).toEqual([{ id: "op000002", message: "Dafür fehlt Ihnen die Berechtigung." }]);
    expect(server.stored).toEqual(["op000001", "op000003"]);
    expect(outbox.pending).toEqual([]);
  });

  it("sends each operation once per connection, whatever arrives late from the old one or however often the page joins", async () => {
    const server = fakeServer();
    const outbox = new BoardOutbox<Item>({
      send: (item, settle) => server.send(item, settle, { hold: true }),
      onChange: () => undefined,
      onRefused: () => undefined,
    });
    const [a, b] = items(2) as [Item, Item];
    outbox.push(a);
    outbox.push(b);
    outbox.online("first");
    expect(server.sent.map((s) => s.clientOpId)).toEqual(["op000001"]);

    // Cut before the answer: the next connection sends it again (the server knows it by its id).
    outbox.offline();
    server.connect("second");
    outbox.online("second");
    // A second join on the same connection (a gap, a resync) sends nothing more.
    outbox.online("second");
    expect(server.sent.map((s) => `${s.connection}:${s.clientOpId}`)).toEqual(["first:op000001", "second:op000001"]);

    // The old connection's answer comes late: the operation counts as confirmed, nothing is sent twice.
    server.pendingAnswers.shift()!.answer();
    expect(outbox.pending).toEqual([b]);
    expect(server.sent).toHaveLength(2);
    server.pendingAnswers.shift()!.answer();
    await vi.advanceTimersByTimeAsync(10);
    expect(server.sent.map((s) => `${s.connection}:${s.clientOpId}`)).toEqual(["first:op000001", "second:op000001", "second:op000002"]);
    server.pendingAnswers.shift()!.answer();
    expect(outbox.pending).toEqual([]);
    expect(server.stored).toEqual(["op000001", "op000002"]);
  });

  it("takes a missing answer or a stale refusal from a cut connection as no verdict on the card", async () => {
    const server = fakeServer();
    const refused: string[] = [];
    const answers: ((outcome: Outcome) => void)[] = [];
    const outbox = new BoardOutbox<Item>({
      send: (item, settle) => {
        server.send(item, () => undefined, { hold: true });
        answers.push(settle);
      },
      onChange: () => undefined,
      onRefused: (item) => refused.push(item.clientOpId),
    });
    outbox.push(items(1)[0]!);
    outbox.online("first");
    outbox.offline();
    answers[0]!({ kind: "refused", message: "Die Verbindung wurde getrennt." });
    expect(refused).toEqual([]);
    expect(outbox.pending).toHaveLength(1);

    outbox.online("second");
    // No answer in time: sent again after the pause, on the same connection.
    answers[1]!({ kind: "retry" });
    expect(server.sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.sent).toHaveLength(3);
    answers[2]!({ kind: "confirmed" });
    expect(outbox.pending).toEqual([]);
    expect(refused).toEqual([]);
  });

  it("sends new cards together but holds an operation on an unconfirmed card until everything before it is answered", () => {
    const server = fakeServer();
    const outbox = new BoardOutbox<Item & { kind: string }>({
      send: (item, settle) => server.send(item, settle, { hold: true }),
      onChange: () => undefined,
      onRefused: () => undefined,
      independent: (item) => item.kind === "card.add",
    });
    outbox.push({ clientOpId: "add00001", kind: "card.add" });
    outbox.push({ clientOpId: "add00002", kind: "card.add" });
    outbox.push({ clientOpId: "edit0001", kind: "card.edit" });
    outbox.push({ clientOpId: "add00003", kind: "card.add" });
    outbox.online("first");
    expect(server.sent.map((s) => s.clientOpId)).toEqual(["add00001", "add00002"]);
    server.pendingAnswers.shift()!.answer();
    expect(server.sent).toHaveLength(2);
    server.pendingAnswers.shift()!.answer();
    expect(server.sent.map((s) => s.clientOpId)).toEqual(["add00001", "add00002", "edit0001"]);
    server.pendingAnswers.shift()!.answer();
    expect(server.sent.map((s) => s.clientOpId)).toEqual(["add00001", "add00002", "edit0001", "add00003"]);
  });

  it("reads the server's answer: only a refusal for rate is retried", () => {
    expect(outcomeOf({ ok: true, seq: 4 })).toEqual({ kind: "confirmed" });
    expect(outcomeOf(tooFast)).toEqual({ kind: "retry" });
    expect(outcomeOf({ ok: false, code: "CONFLICT", message: "Die Karte gibt es nicht mehr." })).toEqual({
      kind: "refused",
      message: "Die Karte gibt es nicht mehr.",
    });
    expect(outcomeOf({ ok: false, message: "Ungültige Eingabe." })).toEqual({ kind: "refused", message: "Ungültige Eingabe." });
  });
});
