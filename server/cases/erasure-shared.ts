import { and, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import * as Y from "yjs";
import type { Executor } from "@/db";
import {
  boardCards,
  boardOperations,
  casePollAnswers,
  casePolls,
  conferenceCases,
  conferenceProtocols,
  gapReports,
  helpPlanMeasures,
  sharedDocuments,
  sharedDocumentUpdates,
  themeSources,
  workPackages,
  workPackageUpdates,
} from "@/db/schema";
import type { IdentityInput } from "../schemas/cases";
import { cache, loadSharedDocument } from "../shared-documents/storage";
import { documentField } from "../shared-documents/structure";
import { meetingPseudonym } from "./meeting-pseudonym";
import { findIdentityLeaks } from "./identity-leaks";

/**
 * What erasing one case needs to know about the items it shares with other cases: the meetings it
 * was discussed in (and whether it was their only case) and every board card that was ever about
 * it, also cards deleted or tagged to no case since.
 */
export interface CaseErasureContext {
  caseId: string;
  tenantId: string;
  pseudonym: string;
  identity: IdentityInput | null;
  conferences: { id: string; isSoleCase: boolean; meetingName: string }[];
  cardIds: Set<string>;
}

function distinct(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== null))];
}

export async function loadErasureContext(
  tx: Executor,
  caseRow: { id: string; tenantId: string; pseudonym: string },
  identity: IdentityInput | null,
): Promise<CaseErasureContext> {
  const caseId = caseRow.id;
  const [agenda, cards, packages] = await Promise.all([
    tx.select({ conferenceId: conferenceCases.conferenceId }).from(conferenceCases).where(eq(conferenceCases.caseId, caseId)),
    tx.select({ id: boardCards.id, conferenceId: boardCards.conferenceId }).from(boardCards).where(eq(boardCards.caseId, caseId)),
    tx.select({ conferenceId: workPackages.conferenceId }).from(workPackages).where(eq(workPackages.caseId, caseId)),
  ]);
  const conferenceIds = distinct([...agenda, ...cards, ...packages].map((r) => r.conferenceId));
  const cardIds = new Set(cards.map((c) => c.id));
  const conferences: CaseErasureContext["conferences"] = [];
  if (conferenceIds.length) {
    // Cards once written about the case keep its id in the stored operations.
    const historic = await tx
      .select({ cardId: sql<string>`${boardOperations.payload}->>'cardId'` })
      .from(boardOperations)
      .where(and(inArray(boardOperations.conferenceId, conferenceIds), sql`${boardOperations.payload}->'card'->>'caseId' = ${caseId}`));
    for (const { cardId } of historic) if (cardId) cardIds.add(cardId);
    const otherCases = await tx
      .selectDistinct({ conferenceId: conferenceCases.conferenceId })
      .from(conferenceCases)
      .where(and(inArray(conferenceCases.conferenceId, conferenceIds), sql`${conferenceCases.caseId} <> ${caseId}`));
    const otherCards = await tx
      .selectDistinct({ conferenceId: boardCards.conferenceId })
      .from(boardCards)
      .where(and(inArray(boardCards.conferenceId, conferenceIds), isNotNull(boardCards.caseId), sql`${boardCards.caseId} <> ${caseId}`));
    const shared = new Set([...otherCases, ...otherCards].map((r) => r.conferenceId));
    for (const id of conferenceIds) conferences.push({ id, isSoleCase: !shared.has(id), meetingName: meetingPseudonym(caseId, id) });
  }
  return { caseId, tenantId: caseRow.tenantId, pseudonym: caseRow.pseudonym, identity, conferences, cardIds };
}

/** Whether a text names the case: its pseudonym, a meeting name of it, or a value of its identity. */
export function namesCase(context: CaseErasureContext, text: string): boolean {
  const lower = text.toLowerCase();
  if (lower.includes(context.pseudonym.toLowerCase())) return true;
  if (context.conferences.some((c) => lower.includes(c.meetingName.toLowerCase()))) return true;
  return context.identity !== null && findIdentityLeaks(context.identity, text).length > 0;
}

const conferenceIdsOf = (context: CaseErasureContext) => context.conferences.map((c) => c.id);

export async function eraseBoardCards(tx: Executor, context: CaseErasureContext): Promise<number> {
  if (context.cardIds.size === 0) return 0;
  const rows = await tx
    .update(boardCards)
    // A timeline card's month dates an event of the person's life: it goes with the text.
    .set({ text: "", month: null })
    .where(inArray(boardCards.id, [...context.cardIds]))
    .returning({ id: boardCards.id });
  return rows.length;
}

type StoredCard = { id?: string; caseId?: string | null; text?: string; month?: string | null };

/** The stored board operations keep each card's text and month as they were: blank those of the case's cards. */
export async function eraseBoardOperations(tx: Executor, context: CaseErasureContext): Promise<number> {
  const conferenceIds = conferenceIdsOf(context);
  if (conferenceIds.length === 0) return 0;
  const isOwn = (card: StoredCard | undefined) => !!card && (card.caseId === context.caseId || (!!card.id && context.cardIds.has(card.id)));
  const rows = await tx
    .select({ id: boardOperations.id, payload: boardOperations.payload })
    .from(boardOperations)
    .where(inArray(boardOperations.conferenceId, conferenceIds));
  let count = 0;
  for (const row of rows) {
    const payload = row.payload as { cardId?: string; text?: string; card?: StoredCard; cards?: StoredCard[] };
    let changed = false;
    if (payload.cardId && context.cardIds.has(payload.cardId) && typeof payload.text === "string" && payload.text) {
      payload.text = "";
      changed = true;
    }
    for (const card of [payload.card, ...(payload.cards ?? [])]) {
      if (isOwn(card) && (card!.text || card!.month)) {
        card!.text = "";
        if (card!.month) card!.month = null;
        changed = true;
      }
    }
    if (!changed) continue;
    await tx.update(boardOperations).set({ payload }).where(eq(boardOperations.id, row.id));
    count += 1;
  }
  return count;
}

/** Notes lines naming the case; all of them where the case was the meeting's only one. */
function keepNotesLine(context: CaseErasureContext, conference: CaseErasureContext["conferences"][number], line: string): boolean {
  return !conference.isSoleCase && !namesCase(context, line);
}

interface SnapshotCard {
  id: string;
  caseId: string | null;
  text: string;
}
interface Snapshot {
  lanes?: { cards: SnapshotCard[]; clusters: { cards: SnapshotCard[] }[] }[];
  workPackages?: { caseId: string | null; task: string; responsiblePerson: string }[];
  notes?: string;
}

/** Every stored protocol version keeps the board as it was: the case's cards, packages and notes go. */
export async function eraseProtocols(tx: Executor, context: CaseErasureContext): Promise<number> {
  let count = 0;
  for (const conference of context.conferences) {
    const rows = await tx
      .select({ id: conferenceProtocols.id, snapshot: conferenceProtocols.snapshot })
      .from(conferenceProtocols)
      .where(eq(conferenceProtocols.conferenceId, conference.id));
    for (const row of rows) {
      const snapshot = row.snapshot as Snapshot;
      const before = JSON.stringify(snapshot);
      const scrub = (card: SnapshotCard) => {
        if (card.caseId === context.caseId || context.cardIds.has(card.id)) card.text = "";
      };
      for (const lane of snapshot.lanes ?? []) {
        lane.cards.forEach(scrub);
        lane.clusters.forEach((cluster) => cluster.cards.forEach(scrub));
      }
      for (const item of snapshot.workPackages ?? []) {
        if (item.caseId === context.caseId) Object.assign(item, { task: "", responsiblePerson: "" });
      }
      if (snapshot.notes) {
        snapshot.notes = snapshot.notes
          .split("\n")
          .filter((line) => keepNotesLine(context, conference, line))
          .join("\n");
      }
      if (JSON.stringify(snapshot) === before) continue;
      await tx
        .update(conferenceProtocols)
        .set({ snapshot: snapshot as unknown as Record<string, unknown> })
        .where(eq(conferenceProtocols.id, row.id));
      count += 1;
    }
  }
  return count;
}

function plainText(item: unknown): string {
  if (item instanceof Y.XmlText) return item.toString().replace(/<[^>]*>/g, "");
  if (item instanceof Y.XmlElement) return item.toArray().map(plainText).join(" ");
  return "";
}

/**
 * The documents a meeting writes together (Yjs: its notes, the formulations of its themes): the
 * paragraphs naming the case are deleted, and all of the notes where it was the meeting's only
 * case. Each document is then compacted into its state and its stored updates dropped, since the
 * updates still hold every text ever typed, also text deleted since.
 */
export async function eraseConferenceDocuments(tx: Executor, context: CaseErasureContext): Promise<number> {
  let count = 0;
  for (const conference of context.conferences) {
    const documents = await tx.select().from(sharedDocuments).where(eq(sharedDocuments.conferenceId, conference.id)).for("update");
    for (const document of documents) {
      const { doc } = await loadSharedDocument(tx, document);
      const fragment = doc.getXmlFragment(documentField);
      const eraseAll = document.key === "notes" && conference.isSoleCase;
      doc.transact(() => {
        for (let index = fragment.length - 1; index >= 0; index--) {
          if (eraseAll || namesCase(context, plainText(fragment.get(index)))) fragment.delete(index, 1);
        }
      });
      // Deleted content is garbage-collected, so the new state no longer holds the text.
      const state = Buffer.from(Y.encodeStateAsUpdate(doc));
      await tx.delete(sharedDocumentUpdates).where(eq(sharedDocumentUpdates.documentId, document.id));
      await tx.update(sharedDocuments).set({ state, updatedAt: new Date() }).where(eq(sharedDocuments.id, document.id));
      cache.delete(document.id);
      count += 1;
    }
  }
  return count;
}

export async function eraseWorkPackages(tx: Executor, context: CaseErasureContext): Promise<number> {
  const rows = await tx
    .update(workPackages)
    .set({ task: "", responsiblePerson: "" })
    .where(and(eq(workPackages.tenantId, context.tenantId), eq(workPackages.caseId, context.caseId)))
    .returning({ id: workPackages.id });
  return rows.length;
}

export async function eraseWorkPackageUpdates(tx: Executor, context: CaseErasureContext): Promise<number> {
  const rows = await tx
    .update(workPackageUpdates)
    .set({ note: "" })
    .where(
      inArray(
        workPackageUpdates.workPackageId,
        tx.select({ id: workPackages.id }).from(workPackages).where(eq(workPackages.caseId, context.caseId)),
      ),
    )
    .returning({ id: workPackageUpdates.id });
  return rows.length;
}

/** The case's own sources keep counting for their themes; only their wording goes. Other cases' sources stay. */
export async function eraseThemeSources(tx: Executor, context: CaseErasureContext): Promise<number> {
  const ownGapReports = tx
    .select({ id: gapReports.id })
    .from(gapReports)
    .innerJoin(helpPlanMeasures, eq(helpPlanMeasures.id, gapReports.measureId))
    .where(eq(helpPlanMeasures.caseId, context.caseId));
  const rows = await tx
    .update(themeSources)
    .set({ excerpt: "" })
    .where(
      and(
        eq(themeSources.tenantId, context.tenantId),
        or(
          eq(themeSources.caseId, context.caseId),
          context.cardIds.size ? inArray(themeSources.cardId, [...context.cardIds]) : undefined,
          inArray(themeSources.gapReportId, ownGapReports),
        ),
      ),
    )
    .returning({ id: themeSources.id });
  return rows.length;
}

/** A case manager's poll answer that names the case is blanked; its case count stays. */
export async function erasePollAnswers(tx: Executor, context: CaseErasureContext): Promise<number> {
  const answers = await tx
    .select({ id: casePollAnswers.id, answer: casePollAnswers.answer })
    .from(casePollAnswers)
    .innerJoin(casePolls, eq(casePolls.id, casePollAnswers.pollId))
    .where(eq(casePolls.tenantId, context.tenantId));
  const naming = answers.filter((a) => a.answer && namesCase(context, a.answer)).map((a) => a.id);
  if (naming.length === 0) return 0;
  await tx.update(casePollAnswers).set({ answer: "" }).where(inArray(casePollAnswers.id, naming));
  return naming.length;
}
