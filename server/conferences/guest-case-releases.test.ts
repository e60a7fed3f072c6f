import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { auditEvents, organisations } from "@/db/schema";
import { loadActor } from "../auth/load-actor";
import type { Actor } from "../auth/policy";
import type { BoardJoinAck } from "../schemas/board";
import { createCase } from "../test/case-factories";
import { createConference } from "../test/conference-factories";
import { createTestDatabase } from "../test/database";
import { callerFor, createActor, createTenant } from "../test/factories";
import { applyBoardOperation, getBoardForJoin } from "./board";
import { confirmGuestLink } from "./guests";
import { meetingCaseId } from "./meeting-case-ids";

const summaryBody = "Eine Familie sucht seit Monaten eine größere Wohnung.";
const cardText = "Vermieter lehnen wegen der Schufa ab";

describe("a guest sees an agenda case only after its case manager confirms the guest (A6)", () => {
  let handle: DatabaseHandle;
  let moderator: Actor;
  let cm: Actor;
  let guest: Actor;
  let uncoveredGuest: Actor;
  let conferenceId: string;
  let caseId: string;
  let addressCounter = 0;

  async function inviteGuest(organisationId: string | null, name: string) {
    const { link } = await callerFor(handle.db, moderator).conferences.guests.invite({ conferenceId, name, organisationId });
    const signedIn = await confirmGuestLink(
      handle.db,
      { token: link.replace("/gast/", ""), name, organisationName: "", confidentiality: true },
      `10.1.0.${++addressCounter}`,
      // Each guest confirms on a device of their own.
      String.fromCharCode(64 + addressCounter).repeat(43),
    );
    return (await loadActor(handle.db, { userId: signedIn!.id, sessionVersion: signedIn!.sessionVersion }))!;
  }

  /** What the guest gets of the case: its agenda entry and its card on the board. */
  async function seenBy(actor: Actor) {
    const details = await callerFor(handle.db, actor).conferences.get({ conferenceId });
    const board = (await getBoardForJoin(handle.db, actor, conferenceId, 0)) as Extract<BoardJoinAck, { mode: "snapshot" }>;
    const card = board.cards.find((c) => c.caseId === meetingCaseId(conferenceId, caseId))!;
    return { released: details.cases[0]!.released, summary: details.cases[0]!.summary?.body ?? null, cardText: card.text };
  }

  const release = (actor: Actor, guestUserId = guest.userId) => ({ conferenceId, caseId, guestUserId });

  beforeAll(async () => {
    handle = await createTestDatabase();
    const tenant = await createTenant(handle.db);
    const [other] = await handle.db
      .insert(organisations)
      .values({ tenantId: tenant.tenant.id, name: "Jobcenter Gäste", kind: "jobcenter" })
      .returning();
    // The moderator is a case manager too, so only the relation to the case tells them apart.
    moderator = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
    cm = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
    const created = await createCase(handle.db, { manager: cm, consentFor: [tenant.organisation.id], consentGrantedOn: "2026-01-05" });
    caseId = created.id;
    await callerFor(handle.db, cm).cases.saveSummary({ caseId, title: "Wohnungssuche", body: summaryBody });
    const conference = await createConference(handle.db, {
      planner: moderator,
      type: "planungskonferenz",
      participants: [cm],
      cases: [{ id: caseId, manager: cm }],
    });
    conferenceId = conference.id;
    await applyBoardOperation(handle.db, moderator, { conferenceId, clientOpId: randomUUID(), op: { kind: "phase.set", index: 1 } });
    await applyBoardOperation(handle.db, cm, {
      conferenceId,
      clientOpId: randomUUID(),
      op: {
        kind: "card.add",
        cardId: randomUUID(),
        lane: "themen",
        text: cardText,
        orderKey: "a0",
        caseId: meetingCaseId(conferenceId, caseId),
        perspective: null,
      },
    });
    guest = await inviteGuest(tenant.organisation.id, "Gisela Gast");
    uncoveredGuest = await inviteGuest(other!.id, "Otto Ohne");
  });
  afterAll(() => handle.close());

  it("shows a guest whose organisation the consent names nothing of the case until the case manager confirms", async () => {
    expect(await seenBy(guest)).toEqual({ released: false, summary: null, cardText: "" });
    const conflicts = await callerFor(handle.db, cm).conferences.consentConflicts({ conferenceId });
    // The moderator has no organisation; the two guests are listed whatever their organisation.
    expect(conflicts[0]!.uncovered.map((p) => p.displayName)).toEqual(expect.arrayContaining(["Gisela Gast", "Otto Ohne"]));

    const awaiting = await callerFor(handle.db, cm).conferences.guests.caseReleases({ conferenceId });
    expect(awaiting).toEqual([
      {
        caseId,
        pseudonym: expect.any(String),
        guests: [
          expect.objectContaining({ userId: guest.userId, name: "Gisela Gast", isCoveredOrganisation: true, isConfirmed: false }),
          expect.objectContaining({ userId: uncoveredGuest.userId, name: "Otto Ohne", isCoveredOrganisation: false, isConfirmed: false }),
        ],
      },
    ]);
  });

  it("lets neither the moderator nor the guest confirm, and shows the moderator no confirmation list", async () => {
    await expect(callerFor(handle.db, moderator).conferences.guests.confirmForCase(release(moderator))).rejects.toMatchObject({
      code: "FORBIDDEN",
      message:
        "Nur die zuständige Case Managerin bzw. der zuständige Case Manager des Falls kann bestätigen, dass die Schweigepflichtentbindung einen Gast umfasst.",
    });
    await expect(callerFor(handle.db, guest).conferences.guests.confirmForCase(release(guest))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await callerFor(handle.db, moderator).conferences.guests.caseReleases({ conferenceId })).toEqual([]);
    expect(await seenBy(guest)).toEqual({ released: false, summary: null, cardText: "" });
  });

  it("refuses to confirm a guest whose organisation the consent does not name", async () => {
    await expect(callerFor(handle.db, cm).conferences.guests.confirmForCase(release(cm, uncoveredGuest.userId))).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await seenBy(uncoveredGuest)).toEqual({ released: false, summary: null, cardText: "" });
  });

  it("releases the case to the guest once the case manager confirms, audited, and hides it again when withdrawn", async () => {
    await callerFor(handle.db, cm).conferences.guests.confirmForCase(release(cm));
    expect(await seenBy(guest)).toEqual({ released: true, summary: summaryBody, cardText });
    // The other guest stays where they were.
    expect(await seenBy(uncoveredGuest)).toEqual({ released: false, summary: null, cardText: "" });
    const [confirmed] = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "conferences.guest_case_confirmed"), eq(auditEvents.actorUserId, cm.userId)));
    expect(confirmed!.details).toMatchObject({ caseId, guestUserId: guest.userId });

    await callerFor(handle.db, cm).conferences.guests.withdrawForCase(release(cm));
    expect(await seenBy(guest)).toEqual({ released: false, summary: null, cardText: "" });
    const withdrawn = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "conferences.guest_case_withdrawn"), eq(auditEvents.actorUserId, cm.userId)));
    expect(withdrawn).toHaveLength(1);
  });
});
