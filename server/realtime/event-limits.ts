import { RateLimiterMemory } from "rate-limiter-flexible";
import { logger } from "../config/logger";
import { translate } from "../i18n/translate";
import type { ClientToServerEvents } from "../schemas/realtime";
import type { KimSocket } from "./socket-server";

interface Limit {
  points: number;
  seconds: number;
}

/**
 * Events per connection, generous for a person and tight for a runaway client. `null`: the handler
 * limits the event itself (board operations and document updates answer "too fast" in their own way).
 * Every event the server listens to needs an entry here, so a new one cannot go unlimited.
 */
export const socketEventSettings: { limits: Record<keyof ClientToServerEvents, Limit | null>; refusalsBeforeDisconnect: number } = {
  limits: {
    "presence:join": { points: 20, seconds: 10 },
    "presence:leave": { points: 20, seconds: 10 },
    "board:join": { points: 10, seconds: 10 },
    // The browser sends at most one "writing" signal every two seconds.
    "board:typing": { points: 5, seconds: 5 },
    "board:op": null,
    // A page may open several formulations at once.
    "doc:join": { points: 30, seconds: 10 },
    "doc:update": null,
    "doc:awareness": null,
  },
  // Refused events (too fast or unknown) within ten seconds before the connection is cut.
  refusalsBeforeDisconnect: 30,
};

/** Every event a client may send. */
export const clientEvents = Object.keys(socketEventSettings.limits) as (keyof ClientToServerEvents)[];

const limiters = new Map<string, RateLimiterMemory>();
function limiterFor(name: string, limit: Limit): RateLimiterMemory {
  const key = `${name}:${limit.points}:${limit.seconds}`;
  let limiter = limiters.get(key);
  if (!limiter) limiters.set(key, (limiter = new RateLimiterMemory({ keyPrefix: key, points: limit.points, duration: limit.seconds })));
  return limiter;
}

const consume = (limiter: RateLimiterMemory, key: string) =>
  limiter.consume(key).then(
    () => true,
    () => false,
  );

function isClientEvent(event: unknown): event is keyof ClientToServerEvents {
  return typeof event === "string" && Object.hasOwn(socketEventSettings.limits, event);
}

/**
 * Runs before every handler of the connection: an unknown event is answered with an error, an
 * event over its limit with "too fast", and a client that keeps being refused is disconnected.
 */
export function limitSocketEvents(socket: KimSocket) {
  socket.use(([event, ...args], next) => {
    const ack = args.at(-1);
    const refuse = async (key: string) => {
      if (typeof ack === "function") (ack as (result: object) => void)({ ok: false, message: translate(key) });
      const tolerated = await consume(
        limiterFor("socket-refusals", { points: socketEventSettings.refusalsBeforeDisconnect, seconds: 10 }),
        socket.id,
      );
      if (!tolerated) {
        logger.warn({ userId: socket.data.userId }, "socket keeps sending refused events: disconnected");
        socket.disconnect(true);
      }
    };
    if (!isClientEvent(event)) {
      void refuse("errors.unknownEvent");
      return;
    }
    const limit = socketEventSettings.limits[event];
    if (!limit) return next();
    void consume(limiterFor(event, limit), socket.id).then((allowed) => (allowed ? next() : refuse("errors.tooFast")));
  });
}
