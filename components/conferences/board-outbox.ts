import type { BoardOpAck } from "@/server/schemas/board";

/** What became of one sent operation. */
export type Outcome =
  | { kind: "confirmed" }
  /** Not taken this time (too fast, no answer): it stays queued and goes again after a pause. */
  | { kind: "retry" }
  /** Refused for good (forbidden, invalid, conflict): the card goes and the message is shown. */
  | { kind: "refused"; message: string };

/** A refusal for rate is the server asking to slow down, never a verdict on the card. */
export function outcomeOf(ack: BoardOpAck): Outcome {
  if (ack.ok) return { kind: "confirmed" };
  if (ack.code === "RATE_LIMITED") return { kind: "retry" };
  return { kind: "refused", message: ack.message };
}

export interface OutboxItem {
  clientOpId: string;
}

export interface OutboxOptions<T extends OutboxItem> {
  /** Sends one item; `settle` is called once with its outcome (a late or stale call is ignored). */
  send: (item: T, settle: (outcome: Outcome) => void) => void;
  /** The queue changed: what is still unconfirmed, in the order typed. */
  onChange: (items: readonly T[]) => void;
  onRefused: (item: T, message: string) => void;
  /** Sends within any second; the server refuses beyond 20 per connection, so stay clear of it. */
  perSecond?: number;
  /** Pause after a refusal for rate before the queue goes on. */
  retryAfterMs?: number;
  /**
   * Items that depend on no other unconfirmed one (a new card) may be on the way together; any
   * other item waits until everything before it is answered, and holds back what follows.
   */
  independent?: (item: T) => boolean;
  /** At most this many items on the way at once. */
  maxInFlight?: number;
  now?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/**
 * The operations a page has typed and the server has not yet confirmed, sent in the order typed and
 * paced below the server's limit. Each connection sends each item once (a reconnect starts over
 * from the first unconfirmed item; only a refusal for rate or a missing answer sends it again);
 * the server's idempotency by `clientOpId` makes a repeat harmless. Only a real refusal drops an item.
 */
export class BoardOutbox<T extends OutboxItem> {
  private items: T[] = [];
  /** Changes with every connection and disconnection: an answer from an older one is stale. */
  private epoch = 0;
  private connection: string | null = null;
  /** Sent on the current connection: answered or still on the way. */
  private sent = new Set<T>();
  private inFlight = new Set<T>();
  private sentAt: number[] = [];
  private holdUntil = 0;
  private timer: unknown = undefined;
  private readonly perSecond: number;
  private readonly retryAfterMs: number;
  private readonly independent: (item: T) => boolean;
  private readonly maxInFlight: number;
  private readonly now: () => number;
  private readonly setTimer: (run: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;

  constructor(private readonly options: OutboxOptions<T>) {
    this.perSecond = options.perSecond ?? 15;
    this.retryAfterMs = options.retryAfterMs ?? 1000;
    this.independent = options.independent ?? (() => false);
    this.maxInFlight = options.maxInFlight ?? 5;
    this.now = options.now ?? (() => Date.now());
    this.setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
    this.clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  }

  get pending(): readonly T[] {
    return this.items;
  }

  push(item: T) {
    this.items = [...this.items, item];
    this.options.onChange(this.items);
    this.pump();
  }

  /**
   * The connection `id` is ready (joined): start sending. Called again for the same connection
   * (another join on it) it changes nothing, so nothing goes out twice.
   */
  online(id: string) {
    if (this.connection === id) return;
    this.reset();
    this.connection = id;
    this.pump();
  }

  /** The connection is gone: whatever was on the way is sent again on the next one. */
  offline() {
    this.reset();
    this.connection = null;
  }

  dispose() {
    this.offline();
  }

  private reset() {
    this.epoch++;
    this.sent = new Set();
    this.inFlight = new Set();
    // The server counts per connection: a new one starts with a fresh allowance.
    this.sentAt = [];
    this.holdUntil = 0;
    this.clearTimer(this.timer);
    this.timer = undefined;
  }

  private pump() {
    while (this.connection !== null && this.timer === undefined) {
      const next = this.items.find((item) => !this.sent.has(item));
      if (!next || this.inFlight.size >= this.maxInFlight) return;
      if (this.inFlight.size > 0 && (!this.independent(next) || [...this.inFlight].some((item) => !this.independent(item)))) return;
      const now = this.now();
      this.sentAt = this.sentAt.filter((at) => at > now - 1000);
      let wait = this.holdUntil - now;
      if (this.sentAt.length >= this.perSecond) wait = Math.max(wait, this.sentAt[0]! + 1000 - now);
      if (wait > 0) {
        this.timer = this.setTimer(() => {
          this.timer = undefined;
          this.pump();
        }, wait);
        return;
      }
      this.sentAt.push(now);
      this.sent.add(next);
      this.inFlight.add(next);
      const epoch = this.epoch;
      let settled = false;
      this.options.send(next, (outcome) => {
        if (settled) return;
        settled = true;
        this.settle(next, epoch, outcome);
      });
    }
  }

  private settle(item: T, epoch: number, outcome: Outcome) {
    const current = epoch === this.epoch;
    if (current) this.inFlight.delete(item);
    if (outcome.kind === "confirmed") {
      // A confirmation counts whenever it comes: the server has the operation.
      this.remove(item);
    } else if (current && outcome.kind === "refused") {
      this.remove(item);
      this.options.onRefused(item, outcome.message);
    } else if (current) {
      // Back in line at its place, after a pause.
      this.sent.delete(item);
      this.holdUntil = this.now() + this.retryAfterMs;
    }
    // A stale refusal or missing answer changes nothing: the item was already put back in line.
    this.pump();
  }

  private remove(item: T) {
    if (!this.items.includes(item)) return;
    this.items = this.items.filter((other) => other !== item);
    this.options.onChange(this.items);
  }
}
