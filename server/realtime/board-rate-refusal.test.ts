import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import type { Actor } from "../auth/policy";
import type { BoardOpAck } from "../schemas/board";
import { createTestDatabase } from "../test/database";
import { createConference } from "../test/conference-factories";
import { createActor, createTenant } from "../test/factories";
import { connectBoardClient, startTestSocketServer } from "../test/socket-server";

const secret = "board-rate-refusal-test-secret-with-length-0123";
process.env.NEXTAUTH_SECRET = secret;

/**
 * A page that sends faster than the server takes must be able to tell "too fast, try again" from
 * "this operation is refused": only the second may cost the person their card.
 */
describe("board operations refused for rate are marked as such", () => {
  let handle: DatabaseHandle;
  let stopServer: () => Promise<void>;
  let url: string;
  let moderator: Actor;
  let conferenceId: string;

  beforeAll(async () => {
    handle = await createTestDatabase();
    const tenant = await createTenant(handle.db);
    moderator = await createActor(handle.db, tenant.tenant.id, ["coordinator"]);
    conferenceId = (await createConference(handle.db, { planner: moderator, type: "planungskonferenz" })).id;
    ({ url, close: stopServer } = await startTestSocketServer(handle));
  });
  afterAll(async () => {
    await stopServer();
    await handle.close();
  });

  it("answers operations beyond the limit with the code RATE_LIMITED, and a refused operation without it", async () => {
    const page = await connectBoardClient(handle, url, secret, moderator, conferenceId);
    try {
      expect((await page.join()).ok).toBe(true);
      const acks = await Promise.all(Array.from({ length: 45 }, () => page.send({ kind: "hand.raise" })));
      const tooFast = acks.filter((ack): ack is Extract<BoardOpAck, { ok: false }> => !ack.ok);
      expect(tooFast.length).toBeGreaterThan(0);
      for (const ack of tooFast) {
        expect(ack).toEqual({ ok: false, code: "RATE_LIMITED", message: "Zu viele Änderungen in kurzer Zeit. Bitte einen Moment warten." });
      }

      await new Promise((resolve) => setTimeout(resolve, 1100));
      const refused = await page.send({ kind: "card.delete", cardId: randomUUID() });
      expect(refused.ok).toBe(false);
      expect(refused).not.toMatchObject({ code: "RATE_LIMITED" });
    } finally {
      page.socket.disconnect();
    }
  });
});
