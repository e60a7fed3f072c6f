import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { conferences, organisations } from "@/db/schema";
import { loadActor } from "../auth/load-actor";
import type { Actor } from "../auth/policy";
import { confirmGuestLink } from "../conferences/guests";
import type { BoardJoinAck } from "../schemas/board";
import type { PhaseDefinition } from "../schemas/conference-kinds";
import type { IdentityInput } from "../schemas/cases";
import { createTestDatabase } from "../test/database";
import { createConference } from "../test/conference-factories";
import { callerFor, createActor, createTenant } from "../test/factories";
import { connectBoardClient, startTestSocketServer, type BoardClientSocket } from "../test/socket-server";

const secret = "meeting-case-id-test-secret-with-enough-length-01";
process.env.NEXTAUTH_SECRET = secret;

type ClientSocket = BoardClientSocket;

const phases: PhaseDefinition[] = [
  { key: "start", title: "Start", board: "none", minutes: 5 },
  { key: "rekonstruktion", title: "Rekonstruktion", board: "reconstruction", minutes: 5 },
];

/**
 * The case file's id stays with the responsible case manager: everyone else in a meeting (guests,
 * participants, the moderator) meets the case only under an id of this meeting, in every view,
 * every board packet and the protocol, so the case cannot be linked across meetings.
 */
describe("meeting case ids: the case file's id never reaches the room", () => {
  let handle: DatabaseHandle;
  let stopServer: () => Promise<void>;
  let url: string;
  let moderator: Actor;
  let cm: Actor;
  let covered: Actor;
  let uncovered: Actor;
  let guest: Actor;
  let conferenceId: string;
  let otherConferenceId: string;
  let caseId: string;
  const sockets: ClientSocket[] = [];

  async function participant(actor: Actor) {
    const client = await connectBoardClient(handle, url, secret, actor, conferenceId);
    sockets.push(client.socket);
    return client;
  }

  beforeAll(async () => {
    handle = await createTestDatabase();
    const tenant = await createTenant(handle.db);
    const [other] = await handle.db
      .insert(organisations)
      .values({ tenantId: tenant.tenant.id, name: "Jobcenter Meeting", kind: "jobcenter" })
      .returning();
    moderator = await createActor(handle.db, tenant.tenant.id, ["coordinator"]);
    cm = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
    covered = await createActor(handle.db, tenant.tenant.id, ["network_actor"], { organisationId: tenant.organisation.id });
    uncovered = await createActor(handle.db, tenant.tenant.id, ["network_actor"], { organisationId: other!.id });

    const cmCaller = callerFor(handle.db, cm);
    const identity = { lastName: "Verborgen", firstName: "Vera", birthDate: "1990-02-03" } as IdentityInput;
    caseId = (await cmCaller.cases.create({ accessChannel: "walk_in", kommuneId: tenant.kommune.id, identity })).id;
    await cmCaller.cases.addConsent({
      caseId,
      kind: "confidentiality_release",
      organisationIds: [tenant.organisation.id],
      grantedOn: "2026-01-05",
    });
    await cmCaller.cases.saveSummary({ caseId, title: "Wohnungssuche", body: "Familie sucht eine größere Wohnung." });
    const planned = {
      planner: moderator,
      type: "fallrekonstruktion" as const,
      participants: [cm, covered, uncovered],
      cases: [{ id: caseId, manager: cm }],
    };
    conferenceId = (await createConference(handle.db, planned)).id;
    otherConferenceId = (await createConference(handle.db, planned)).id;
    await handle.db.update(conferences).set({ phases }).where(eq(conferences.id, conferenceId));

    const { link } = await callerFor(handle.db, moderator).conferences.guests.invite({
      conferenceId,
      name: "Gisela Gast",
      organisationId: tenant.organisation.id,
      organisationName: "Jobcenter, Team U25",
    });
    const signedIn = await confirmGuestLink(
      handle.db,
      { token: link.replace("/gast/", ""), name: "Gisela Gast", organisationName: "Jobcenter, Team U25", confidentiality: true },
      "10.0.0.7",
      "G".repeat(43),
    );
    guest = (await loadActor(handle.db, { userId: signedIn!.id, sessionVersion: signedIn!.sessionVersion }))!;
    // The responsible case manager confirms the guest for the case (A6), so the guest sees it too.
    await callerFor(handle.db, cm).conferences.guests.confirmForCase({ conferenceId, caseId, guestUserId: guest.userId });

    ({ url, close: stopServer } = await startTestSocketServer(handle));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await stopServer();
    await handle.close();
  });

  it("names the case by an id of the meeting in every view, board packet and protocol, and the browser's flows work with it", async () => {
    const views = await Promise.all(
      [moderator, covered, uncovered, guest].map((actor) => callerFor(handle.db, actor).conferences.get({ conferenceId })),
    );
    const meetingId = views[0]!.cases[0]!.caseId;
    expect(meetingId).not.toBe(caseId);
    // Everyone in the meeting sees the same id for the case, so their boards agree.
    expect(views.map((view) => view.cases[0]!.caseId)).toEqual([meetingId, meetingId, meetingId, meetingId]);
    expect(views.map((view) => view.cases[0]!.caseFileId)).toEqual([null, null, null, null]);
    // The responsible case manager alone is led to the case file.
    expect((await callerFor(handle.db, cm).conferences.get({ conferenceId })).cases[0]).toMatchObject({
      caseId: meetingId,
      caseFileId: caseId,
    });
    // The same case in another meeting has another id.
    const elsewhere = await callerFor(handle.db, covered).conferences.get({ conferenceId: otherConferenceId });
    expect(elsewhere.cases[0]!.caseId).not.toBe(meetingId);
    expect(elsewhere.cases[0]!.caseId).not.toBe(caseId);

    const mod = await participant(moderator);
    const seeing = await participant(covered);
    const blind = await participant(uncovered);
    const visitor = await participant(guest);
    const joins = [];
    for (const p of [mod, seeing, blind, visitor]) joins.push(await p.join());
    expect(joins.every((ack) => ack.ok)).toBe(true);

    // The flows of the board, with the case named as the browser knows it.
    expect(await mod.send({ kind: "phase.set", index: 1 })).toMatchObject({ ok: true });
    expect(await mod.send({ kind: "case.activate", caseId: meetingId })).toMatchObject({ ok: true });
    expect(await mod.send({ kind: "focus.set", target: `case:${meetingId}` })).toMatchObject({ ok: true });
    const cardId = randomUUID();
    const card = {
      kind: "card.add",
      cardId,
      lane: "rekonstruktion",
      text: "Mietschulden",
      orderKey: "a0",
      caseId: meetingId,
      perspective: "klient",
    } as const;
    expect(await seeing.send(card)).toMatchObject({ ok: true });
    expect(await seeing.send({ kind: "ready.set", caseId: meetingId, ready: true })).toMatchObject({ ok: true });
    expect(await visitor.send({ kind: "ready.set", caseId: meetingId, ready: true })).toMatchObject({ ok: true });
    // The case file's id is not on this meeting's agenda.
    expect(await seeing.send({ ...card, cardId: randomUUID(), caseId })).toMatchObject({ ok: false });
    expect(await mod.send({ kind: "case.activate", caseId })).toMatchObject({ ok: false });

    for (const p of [mod, seeing, blind, visitor]) {
      await expect.poll(() => p.applied().filter((a) => a.op.kind === "ready.set").length).toBe(2);
      const addition = p.applied().find((a) => a.op.kind === "card.add")!;
      expect(addition.op).toMatchObject({ card: { id: cardId, caseId: meetingId } });
      expect(p.applied().find((a) => a.op.kind === "case.activate")!.op).toMatchObject({ caseId: meetingId });
    }
    const snapshot = (await visitor.join()) as Extract<BoardJoinAck, { mode: "snapshot" }>;
    expect(snapshot.meta).toMatchObject({ activeCaseId: meetingId, focus: `case:${meetingId}`, ready: { [meetingId]: expect.any(Array) } });
    expect(snapshot.cards.find((c) => c.id === cardId)).toMatchObject({ caseId: meetingId, text: "Mietschulden" });
    const catchUp = await blind.join(1);
    expect(catchUp).toMatchObject({ ok: true, mode: "operations" });

    await callerFor(handle.db, moderator).conferences.protocol.generate({ conferenceId });
    const seen = [
      ...views,
      joins,
      snapshot,
      catchUp,
      ...[mod, seeing, blind, visitor].map((p) => p.received),
      await callerFor(handle.db, moderator).conferences.consentConflicts({ conferenceId }),
      ...(await Promise.all(
        [moderator, covered, uncovered, guest].map((actor) =>
          callerFor(handle.db, actor).conferences.protocol.get({ conferenceId, version: 1 }),
        ),
      )),
    ];
    for (const payload of seen) expect(JSON.stringify(payload)).not.toContain(caseId);
  });
});
