import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import fc from "fast-check";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import {
  auditEvents,
  boardCards,
  conferences,
  consents,
  themeFormulations,
  themes,
  themeSources,
  themeStatusChanges,
  themeVersions,
} from "@/db/schema";
import type { Actor } from "../auth/policy";
import { applySharedDocumentUpdate } from "../shared-documents/apply-document-update";
import { documentField } from "../shared-documents/structure";
import { conferenceDocumentAccess } from "./conference-documents";
import { emptyBoardMeta } from "../schemas/board";
import type { SharedDocumentKey } from "../schemas/shared-documents";
import { createTestDatabase } from "../test/database";
import { callerFor, createActor, createTenant } from "../test/factories";
import { createCase } from "../test/case-factories";
import { createConference } from "../test/conference-factories";

describe("consensual formulation of generative themes", () => {
  let handle: DatabaseHandle;
  let tenant: Awaited<ReturnType<typeof createTenant>>;
  let moderator: Actor;
  let participant: Actor;
  let caseManager: Actor;
  let bodyMember: Actor;
  let outsider: Actor;
  let foreign: Actor;

  beforeAll(async () => {
    handle = await createTestDatabase();
    tenant = await createTenant(handle.db);
    moderator = await createActor(handle.db, tenant.tenant.id, ["coordinator"]);
    participant = await createActor(handle.db, tenant.tenant.id, ["network_actor"]);
    caseManager = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
    bodyMember = await createActor(handle.db, tenant.tenant.id, ["body_member"]);
    outsider = await createActor(handle.db, tenant.tenant.id, ["cm_spokesperson"]);
    foreign = await createActor(handle.db, (await createTenant(handle.db)).tenant.id, ["coordinator"]);
  });
  afterAll(() => handle.close());

  async function addCluster(conferenceId: string, title: string) {
    const clusterId = randomUUID();
    const [row] = await handle.db.select({ boardMeta: conferences.boardMeta }).from(conferences).where(eq(conferences.id, conferenceId));
    const meta = { ...emptyBoardMeta, ...row!.boardMeta };
    await handle.db
      .update(conferences)
      .set({
        boardMeta: { ...meta, clusters: { ...meta.clusters, [clusterId]: { title, orderKey: `a${Object.keys(meta.clusters).length}` } } },
      })
      .where(eq(conferences.id, conferenceId));
    return clusterId;
  }

  async function addCard(
    conferenceId: string,
    card: { text: string; clusterId: string | null; caseId?: string | null; isHidden?: boolean; isSolution?: boolean },
  ) {
    const id = randomUUID();
    await handle.db.insert(boardCards).values({
      id,
      conferenceId,
      lane: "themen",
      text: card.text,
      orderKey: `a${id.slice(0, 4)}`,
      authorUserId: participant.userId,
      caseId: card.caseId ?? null,
      clusterId: card.clusterId,
      isHidden: card.isHidden ?? false,
      isSolution: card.isSolution ?? false,
      updatedSeq: 1,
    });
    return id;
  }

  /** Writes the wording into the shared document the way an editor would. */
  async function write(actor: Actor, conferenceId: string, key: string, text: string) {
    const doc = new Y.Doc();
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText(text)]);
    doc.getXmlFragment(documentField).insert(0, [paragraph]);
    await applySharedDocumentUpdate(
      handle.db,
      actor,
      { conferenceId, key: key as SharedDocumentKey, update: Y.encodeStateAsUpdate(doc) },
      conferenceDocumentAccess,
    );
  }

  it("lets only the moderator start a formulation, for a cluster of the board, once", async () => {
    const conferenceId = (
      await createConference(handle.db, {
        planner: moderator,
        type: "planungskonferenz",
        participants: [participant, caseManager],
        kommuneId: tenant.kommune.id,
      })
    ).id;
    const clusterId = await addCluster(conferenceId, "Übergang Schule – Beruf");
    await expect(callerFor(handle.db, participant).conferences.formulations.start({ conferenceId, clusterId })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Nur die Moderation kann das tun.",
    });
    for (const actor of [outsider, foreign]) {
      await expect(callerFor(handle.db, actor).conferences.formulations.start({ conferenceId, clusterId })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await expect(callerFor(handle.db, actor).conferences.formulations.list({ conferenceId })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
    await expect(
      callerFor(handle.db, moderator).conferences.formulations.start({ conferenceId, clusterId: randomUUID() }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const moderatorCaller = callerFor(handle.db, moderator);
    expect(await moderatorCaller.conferences.formulations.clusters({ conferenceId })).toEqual([
      { clusterId, title: "Übergang Schule – Beruf", hasFormulation: false },
    ]);
    const started = await moderatorCaller.conferences.formulations.start({ conferenceId, clusterId });
    expect(started.documentKey).toBe(`formulation:${started.id}`);
    await expect(moderatorCaller.conferences.formulations.start({ conferenceId, clusterId })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await moderatorCaller.conferences.formulations.clusters({ conferenceId })).toEqual([
      { clusterId, title: "Übergang Schule – Beruf", hasFormulation: true },
    ]);

    const caseConference = (
      await createConference(handle.db, {
        planner: moderator,
        type: "fallkonferenz",
        participants: [participant, caseManager],
        kommuneId: tenant.kommune.id,
      })
    ).id;
    const caseCluster = await addCluster(caseConference, "Arbeitspakete");
    await expect(
      moderatorCaller.conferences.formulations.start({ conferenceId: caseConference, clusterId: caseCluster }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("shows every participant's vote by name and refuses to finalise while anyone objects or nobody agrees", async () => {
    const conferenceId = (
      await createConference(handle.db, {
        planner: moderator,
        type: "planungskonferenz",
        participants: [participant, caseManager],
        kommuneId: tenant.kommune.id,
      })
    ).id;
    const clusterId = await addCluster(conferenceId, "Sprachkurse mit Kinderbetreuung");
    const { id: formulationId, documentKey } = await callerFor(handle.db, moderator).conferences.formulations.start({
      conferenceId,
      clusterId,
      title: "Sprachkurse ohne Kinderbetreuung",
    });
    await write(participant, conferenceId, documentKey, "Es fehlen Sprachkurse mit paralleler Kinderbetreuung.");

    await expect(callerFor(handle.db, moderator).conferences.formulations.finalise({ formulationId })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Noch hat niemand zugestimmt.",
    });
    await callerFor(handle.db, participant).conferences.formulations.vote({ formulationId, vote: "agree" });
    await callerFor(handle.db, caseManager).conferences.formulations.vote({ formulationId, vote: "object" });
    await expect(callerFor(handle.db, participant).conferences.formulations.finalise({ formulationId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerFor(handle.db, moderator).conferences.formulations.finalise({ formulationId })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Es gibt noch einen Einwand. Klären Sie ihn, bevor Sie abschließen.",
    });

    const { formulations } = await callerFor(handle.db, participant).conferences.formulations.list({ conferenceId });
    const [listed] = formulations;
    expect(listed).toMatchObject({
      title: "Sprachkurse ohne Kinderbetreuung",
      status: "drafting",
      tally: { agree: 1, can_live_with: 0, object: 1 },
      viewerVote: "agree",
      hasVoted: true,
      mayFinalise: false,
      blockedBy: "objection",
    });
    expect(listed!.votes).toEqual(
      expect.arrayContaining([
        { userId: caseManager.userId, displayName: caseManager.displayName, vote: "object" },
        { userId: moderator.userId, displayName: moderator.displayName, vote: null },
      ]),
    );

    await callerFor(handle.db, caseManager).conferences.formulations.vote({ formulationId, vote: "can_live_with" });
    const { themeId } = await callerFor(handle.db, moderator).conferences.formulations.finalise({ formulationId });
    await expect(callerFor(handle.db, caseManager).conferences.formulations.vote({ formulationId, vote: "object" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(callerFor(handle.db, moderator).conferences.formulations.finalise({ formulationId })).rejects.toMatchObject({
      code: "CONFLICT",
    });

    const [formulation] = await handle.db.select().from(themeFormulations).where(eq(themeFormulations.id, formulationId));
    expect(formulation).toMatchObject({ status: "finalised", themeId });
    expect(formulation!.finalText).toEqual({
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "Es fehlen Sprachkurse mit paralleler Kinderbetreuung." }] }],
    });
    const [theme] = await handle.db.select().from(themes).where(eq(themes.id, themeId));
    expect(theme).toMatchObject({
      title: "Sprachkurse ohne Kinderbetreuung",
      status: "identified",
      descriptionText: "Es fehlen Sprachkurse mit paralleler Kinderbetreuung.",
      tenantId: tenant.tenant.id,
    });
    expect(await handle.db.select().from(themeVersions).where(eq(themeVersions.themeId, themeId))).toMatchObject([
      { version: 1, title: "Sprachkurse ohne Kinderbetreuung" },
    ]);
    const [change] = await handle.db.select().from(themeStatusChanges).where(eq(themeStatusChanges.themeId, themeId));
    expect(change).toMatchObject({ fromStatus: null, toStatus: "identified", actorUserId: moderator.userId });
    expect(change!.note).toContain("Konferenz");
    const audits = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "conferences.formulation_finalised"), eq(auditEvents.targetId, conferenceId)));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.details).toMatchObject({ formulationId, themeId });
  });

  it("refuses to freeze an empty wording", async () => {
    const conferenceId = (
      await createConference(handle.db, {
        planner: moderator,
        type: "planungskonferenz",
        participants: [participant, caseManager],
        kommuneId: tenant.kommune.id,
      })
    ).id;
    const clusterId = await addCluster(conferenceId, "Leer");
    const { id: formulationId } = await callerFor(handle.db, moderator).conferences.formulations.start({ conferenceId, clusterId });
    await callerFor(handle.db, participant).conferences.formulations.vote({ formulationId, vote: "agree" });
    await expect(callerFor(handle.db, moderator).conferences.formulations.finalise({ formulationId })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Der Wortlaut ist noch leer.",
    });
  });

  it("records one source per visible card of the cluster and counts distinct cases", { timeout: 120_000 }, async () => {
    const caseIds = [
      (await createCase(handle.db, { manager: caseManager })).id,
      (await createCase(handle.db, { manager: caseManager })).id,
      (await createCase(handle.db, { manager: caseManager })).id,
    ];
    const cardArbitrary = fc.record({
      caseIndex: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
      inCluster: fc.boolean(),
      isHidden: fc.boolean(),
      isSolution: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(cardArbitrary, { maxLength: 8 }), fc.boolean(), async (cards, isReconstruction) => {
        const conferenceId = (
          await createConference(handle.db, {
            planner: moderator,
            type: isReconstruction ? "fallrekonstruktion" : "planungskonferenz",
            participants: [participant, caseManager],
            kommuneId: tenant.kommune.id,
            place: "Kreishaus",
          })
        ).id;
        const clusterId = await addCluster(conferenceId, "Wohnungslosigkeit");
        const otherCluster = await addCluster(conferenceId, "Anderes");
        const visible: { id: string; text: string; caseId: string | null }[] = [];
        for (const [index, card] of cards.entries()) {
          const caseId = card.caseIndex === null ? null : caseIds[card.caseIndex]!;
          const text = `Karte ${index}`;
          const id = await addCard(conferenceId, {
            text,
            clusterId: card.inCluster ? clusterId : otherCluster,
            caseId,
            isHidden: card.isHidden,
            isSolution: card.isSolution,
          });
          if (card.inCluster && !card.isHidden && !card.isSolution) visible.push({ id, text, caseId });
        }
        const { id: formulationId, documentKey } = await callerFor(handle.db, moderator).conferences.formulations.start({
          conferenceId,
          clusterId,
        });
        await write(moderator, conferenceId, documentKey, "Familien finden keine Wohnung.");
        await callerFor(handle.db, participant).conferences.formulations.vote({ formulationId, vote: "agree" });
        const { themeId } = await callerFor(handle.db, moderator).conferences.formulations.finalise({ formulationId });

        const sources = await handle.db.select().from(themeSources).where(eq(themeSources.themeId, themeId));
        const kind = isReconstruction ? "reconstruction" : "conference";
        if (visible.length === 0) {
          expect(sources).toMatchObject([{ kind, conferenceId, cardId: null, caseId: null, kommuneId: tenant.kommune.id }]);
        } else {
          expect(
            sources
              .map((s) => ({ cardId: s.cardId, caseId: s.caseId, excerpt: s.excerpt, kind: s.kind, kommuneId: s.kommuneId }))
              .sort((a, b) => a.cardId!.localeCompare(b.cardId!)),
          ).toEqual(
            visible
              .map((v) => ({ cardId: v.id, caseId: v.caseId, excerpt: v.text, kind, kommuneId: tenant.kommune.id }))
              .sort((a, b) => a.cardId.localeCompare(b.cardId)),
          );
        }
        const theme = await callerFor(handle.db, moderator).themes.get({ themeId });
        expect(theme.caseCount).toBe(new Set(visible.map((v) => v.caseId).filter(Boolean)).size);
        expect(theme.kommuneCount).toBe(1);
        const listed = (await callerFor(handle.db, moderator).themes.list()).find((t) => t.id === themeId);
        expect(listed).toMatchObject({ caseCount: theme.caseCount, kommuneCount: 1, status: "identified" });
      }),
      { numRuns: 8 },
    );
  });

  it("shows steering body members counts only, and card wording of a case only to whom the case is released", async () => {
    const conferenceId = (
      await createConference(handle.db, {
        planner: moderator,
        type: "planungskonferenz",
        participants: [participant, caseManager],
        kommuneId: tenant.kommune.id,
      })
    ).id;
    const clusterId = await addCluster(conferenceId, "Anerkennung von Abschlüssen");
    const caseId = (await createCase(handle.db, { manager: caseManager })).id;
    await addCard(conferenceId, { text: "Canary-Wortlaut aus dem Fall", clusterId, caseId });
    await addCard(conferenceId, { text: "Allgemeine Beobachtung", clusterId });
    const { id: formulationId, documentKey } = await callerFor(handle.db, moderator).conferences.formulations.start({
      conferenceId,
      clusterId,
    });
    await write(moderator, conferenceId, documentKey, "Ausländische Abschlüsse werden zu langsam anerkannt.");
    await callerFor(handle.db, caseManager).conferences.formulations.vote({ formulationId, vote: "agree" });
    const { themeId } = await callerFor(handle.db, moderator).conferences.formulations.finalise({ formulationId });

    const forBody = await callerFor(handle.db, bodyMember).themes.get({ themeId });
    expect(forBody.sources).toBeNull();
    // One case is below the minimum group size: the body sees that there are few, not how many.
    expect(forBody).toMatchObject({ caseCount: { lessThan: 5 }, kommuneCount: 1, title: "Anerkennung von Abschlüssen" });
    const bodyJson = JSON.stringify([forBody, await callerFor(handle.db, bodyMember).themes.list()]);
    for (const secret of ["Canary-Wortlaut", "Allgemeine Beobachtung", caseId]) expect(bodyJson).not.toContain(secret);

    // The coordinator's organisation is not named in a Schweigepflichtentbindung: the case card stays closed.
    const forCoordinator = await callerFor(handle.db, moderator).themes.get({ themeId });
    expect(forCoordinator.sources?.map((s) => [s.fromCase, s.excerpt]).sort()).toEqual([
      [false, "Allgemeine Beobachtung"],
      [true, null],
    ]);
    expect(JSON.stringify(forCoordinator)).not.toContain(caseId);
    const forCaseManager = await callerFor(handle.db, caseManager).themes.get({ themeId });
    expect(forCaseManager.sources?.find((s) => s.fromCase)?.excerpt).toBe("Canary-Wortlaut aus dem Fall");

    // A network actor's organisation named in a valid release sees it too; without it, not.
    const scoped = await createActor(handle.db, tenant.tenant.id, ["cm_spokesperson"], { organisationId: tenant.organisation.id });
    expect((await callerFor(handle.db, scoped).themes.get({ themeId })).sources?.find((s) => s.fromCase)?.excerpt).toBeNull();
    await handle.db.insert(consents).values({
      tenantId: tenant.tenant.id,
      caseId,
      kind: "confidentiality_release",
      organisationIds: [tenant.organisation.id],
      grantedOn: "2026-01-15",
    });
    expect((await callerFor(handle.db, scoped).themes.get({ themeId })).sources?.find((s) => s.fromCase)?.excerpt).toBe(
      "Canary-Wortlaut aus dem Fall",
    );

    await expect(callerFor(handle.db, foreign).themes.get({ themeId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(handle.db, moderator).themes.get({ themeId: randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(handle.db, participant).themes.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
