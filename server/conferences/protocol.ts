import { meetingCaseIdOrNull } from "./meeting-case-ids";
import { meetingPseudonym } from "./meeting-pseudonym";
import { and, asc, desc, eq, max } from "drizzle-orm";
import type { Database, Executor } from "@/db";
import {
  boardCards,
  cases,
  conferenceGuests,
  conferenceParticipants,
  conferenceProtocols,
  kommunen,
  organisations,
  themeFormulations,
  users,
  workPackages,
} from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/policy";
import { AppError } from "../errors";
import { readSharedDocumentText } from "../shared-documents/rich-text";
import type { BoardMeta } from "../schemas/board";
import type { ConferenceStatus, ConferenceType, ParticipantRole, WorkPackageStatus } from "../schemas/conference-kinds";
import type { ProtocolVersionInput } from "../schemas/work-packages";
import type { LifeArea } from "../schemas/case-kinds";
import { boardViewerOf } from "./board-visibility";
import { mayReadCard, type CardViewer } from "./policy";
import { requireParticipation } from "./conferences";

export interface ProtocolCard {
  id: string;
  text: string;
  caseId: string | null;
  casePseudonym: string | null;
  /** The life area of a case card (absent in protocols written before cards had one). */
  lifeArea?: LifeArea | null;
  /** An organisation's name or "klient" for the client's view, in a reconstruction grid. */
  perspective: string | null;
  /** The month (`YYYY-MM`) a Fallrekonstruktion timeline card stands at (absent in older protocols). */
  month?: string | null;
  votes: number;
  isSolution: boolean;
  /** Written anonymously and never revealed: its text is not kept. */
  isHidden: boolean;
  /** The case is not released to this viewer: the text is left out. Set when projected. */
  restricted: boolean;
}

export interface ProtocolCluster {
  id: string;
  title: string;
  votes: number;
  cards: ProtocolCard[];
}

export interface ProtocolWorkPackage {
  task: string;
  caseId: string | null;
  /** The life area of a case's package (absent in protocols written before packages had one). */
  lifeArea?: LifeArea | null;
  casePseudonym: string | null;
  responsibleOrganisationName: string | null;
  responsibleUserName: string | null;
  responsiblePerson: string;
  dueDate: string;
  status: WorkPackageStatus;
  restricted: boolean;
}

/** The conference as it stood when the protocol was generated; stored once, projected per viewer when read. */
export interface ProtocolSnapshot {
  formatVersion: 1;
  version: number;
  generatedAt: string;
  generatedByName: string;
  conference: {
    title: string;
    type: ConferenceType;
    status: ConferenceStatus;
    scheduledAt: string;
    place: string;
    isOnline: boolean;
    kommuneName: string | null;
  };
  attendance: { name: string; role: ParticipantRole; organisationName: string | null }[];
  phases: { title: string }[];
  lanes: { lane: string; clusters: ProtocolCluster[]; cards: ProtocolCard[] }[];
  themes: { title: string }[];
  workPackages: ProtocolWorkPackage[];
  notes: string;
}

function voteTotals(meta: Partial<BoardMeta>): Map<string, number> {
  const totals = new Map<string, number>();
  for (const perTarget of Object.values(meta.votes ?? {})) {
    for (const [target, dots] of Object.entries(perTarget)) totals.set(target, (totals.get(target) ?? 0) + dots);
  }
  return totals;
}

async function buildSnapshot(db: Executor, conferenceId: string, version: number, actor: Actor, notes: string): Promise<ProtocolSnapshot> {
  const { conference } = await requireParticipation(db, actor, conferenceId);
  const [kommune] = conference.kommuneId
    ? await db.select({ name: kommunen.name }).from(kommunen).where(eq(kommunen.id, conference.kommuneId))
    : [];

  const people = await db
    .select({
      name: users.displayName,
      role: conferenceParticipants.role,
      organisationName: organisations.name,
      guestOrganisationName: conferenceGuests.organisationName,
    })
    .from(conferenceParticipants)
    .innerJoin(users, eq(users.id, conferenceParticipants.userId))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .leftJoin(conferenceGuests, and(eq(conferenceGuests.userId, users.id), eq(conferenceGuests.conferenceId, conferenceId)))
    .where(eq(conferenceParticipants.conferenceId, conferenceId))
    .orderBy(asc(conferenceParticipants.role), asc(users.displayName));

  const tenantOrganisations = new Map(
    (
      await db
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(eq(organisations.tenantId, conference.tenantId))
    ).map((o) => [o.id, o.name]),
  );
  const cardRows = await db
    .select({
      id: boardCards.id,
      lane: boardCards.lane,
      text: boardCards.text,
      caseId: boardCards.caseId,
      lifeArea: boardCards.lifeArea,
      casePseudonym: cases.pseudonym,
      perspective: boardCards.perspective,
      month: boardCards.month,
      clusterId: boardCards.clusterId,
      isHidden: boardCards.isHidden,
      isSolution: boardCards.isSolution,
    })
    .from(boardCards)
    .leftJoin(cases, eq(cases.id, boardCards.caseId))
    .where(eq(boardCards.conferenceId, conferenceId))
    .orderBy(asc(boardCards.lane), asc(boardCards.orderKey));
  const meta = conference.boardMeta ?? {};
  const votes = voteTotals(meta);
  const clusterMeta = meta.clusters ?? {};

  const lanes: ProtocolSnapshot["lanes"] = [];
  for (const row of cardRows) {
    let lane = lanes.find((l) => l.lane === row.lane);
    if (!lane) lanes.push((lane = { lane: row.lane, clusters: [], cards: [] }));
    const card: ProtocolCard = {
      id: row.id,
      // An anonymous card never revealed keeps its secret in the protocol too.
      text: row.isHidden ? "" : row.text,
      caseId: row.caseId,
      lifeArea: row.lifeArea,
      casePseudonym: row.caseId ? meetingPseudonym(row.caseId, conferenceId) : null,
      perspective: row.perspective === "klient" ? "klient" : row.perspective ? (tenantOrganisations.get(row.perspective) ?? null) : null,
      month: row.month,
      votes: votes.get(row.id) ?? 0,
      isSolution: row.isSolution,
      isHidden: row.isHidden,
      restricted: false,
    };
    const cluster = row.clusterId ? clusterMeta[row.clusterId] : undefined;
    if (!row.clusterId || !cluster) {
      lane.cards.push(card);
      continue;
    }
    let group = lane.clusters.find((c) => c.id === row.clusterId);
    if (!group) lane.clusters.push((group = { id: row.clusterId, title: cluster.title, votes: votes.get(row.clusterId) ?? 0, cards: [] }));
    group.cards.push(card);
  }
  // A timeline reads in the order things happened; undated cards follow (the sort is stable).
  for (const lane of lanes) lane.cards.sort((a, b) => (a.month ?? "9999-99").localeCompare(b.month ?? "9999-99"));
  for (const lane of lanes) lane.clusters.sort((a, b) => (clusterMeta[a.id]!.orderKey < clusterMeta[b.id]!.orderKey ? -1 : 1));

  const themes = await db
    .select({ title: themeFormulations.title })
    .from(themeFormulations)
    .where(and(eq(themeFormulations.conferenceId, conferenceId), eq(themeFormulations.status, "finalised")))
    .orderBy(asc(themeFormulations.finalisedAt));

  const packages = await db
    .select({
      task: workPackages.task,
      caseId: workPackages.caseId,
      lifeArea: workPackages.lifeArea,
      casePseudonym: cases.pseudonym,
      responsibleOrganisationName: organisations.name,
      responsibleUserName: users.displayName,
      responsiblePerson: workPackages.responsiblePerson,
      dueDate: workPackages.dueDate,
      status: workPackages.status,
    })
    .from(workPackages)
    .leftJoin(cases, eq(cases.id, workPackages.caseId))
    .leftJoin(organisations, eq(organisations.id, workPackages.responsibleOrganisationId))
    .leftJoin(users, eq(users.id, workPackages.responsibleUserId))
    .where(and(eq(workPackages.conferenceId, conferenceId), eq(workPackages.tenantId, conference.tenantId)))
    .orderBy(asc(workPackages.dueDate), asc(workPackages.createdAt));

  return {
    formatVersion: 1,
    version,
    generatedAt: new Date().toISOString(),
    generatedByName: actor.displayName,
    conference: {
      title: conference.title,
      type: conference.type,
      status: conference.status,
      scheduledAt: conference.scheduledAt.toISOString(),
      place: conference.place,
      isOnline: conference.isOnline,
      kommuneName: kommune?.name ?? null,
    },
    attendance: people.map((p) => ({
      name: p.name,
      role: p.role,
      organisationName: p.organisationName ?? (p.guestOrganisationName || null),
    })),
    phases: (conference.phases ?? []).map((phase) => ({ title: phase.title })),
    lanes,
    themes,
    workPackages: packages.map((p) => ({
      ...p,
      casePseudonym: p.caseId ? meetingPseudonym(p.caseId, conferenceId) : null,
      responsibleOrganisationName: p.responsibleOrganisationName ?? null,
      responsibleUserName: p.responsibleUserName ?? null,
      restricted: false,
    })),
    notes,
  };
}

/**
 * The snapshot as one viewer may read it: texts of cards and work packages about a case only when
 * the case is released to them now and a card's life area is within their consent (a revoked
 * consent also hides older protocol versions), and cases named by their meeting ids only.
 */
export function projectSnapshot(
  conferenceId: string,
  snapshot: ProtocolSnapshot,
  viewer: Pick<CardViewer, "releasedCaseIds" | "areaScopes">,
): ProtocolSnapshot {
  // A case card or work package about a life area the viewer's consent leaves out stays as hidden as on the board.
  const card = (c: ProtocolCard): ProtocolCard => {
    const view = { ...c, caseId: meetingCaseIdOrNull(conferenceId, c.caseId) };
    return mayReadCard(viewer, c) ? view : { ...view, text: "", ...(c.month ? { month: null } : {}), restricted: true };
  };
  const workPackage = (p: ProtocolWorkPackage): ProtocolWorkPackage => {
    const view = { ...p, caseId: meetingCaseIdOrNull(conferenceId, p.caseId) };
    return mayReadCard(viewer, p) ? view : { ...view, task: "", restricted: true };
  };
  return {
    ...snapshot,
    lanes: snapshot.lanes.map((lane) => ({
      ...lane,
      cards: lane.cards.map(card),
      clusters: lane.clusters.map((cluster) => ({ ...cluster, cards: cluster.cards.map(card) })),
    })),
    workPackages: snapshot.workPackages.map(workPackage),
  };
}

/** A moderator writes the next version of the protocol from the board as it is now. */
export async function generateProtocol(db: Database, actor: Actor, conferenceId: string) {
  const { abilities } = await requireParticipation(db, actor, conferenceId);
  if (!abilities.moderate) throw new AppError("FORBIDDEN", "workPackages.protocol.errors.moderatorsOnly");
  const notes = await readSharedDocumentText(db, { conferenceId, key: "notes" });
  return db.transaction(async (tx) => {
    // The row lock numbers concurrent generations one after the other.
    await requireParticipation(tx, actor, conferenceId, { lock: true });
    const [last] = await tx
      .select({ version: max(conferenceProtocols.version) })
      .from(conferenceProtocols)
      .where(eq(conferenceProtocols.conferenceId, conferenceId));
    const version = (last?.version ?? 0) + 1;
    const snapshot = await buildSnapshot(tx, conferenceId, version, actor, notes);
    const [row] = await tx
      .insert(conferenceProtocols)
      .values({ conferenceId, version, snapshot: snapshot as unknown as Record<string, unknown>, createdByUserId: actor.userId })
      .returning({ version: conferenceProtocols.version, createdAt: conferenceProtocols.createdAt });
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "conferences.protocol_generated",
      target: { type: "conference", id: conferenceId },
      details: { version },
    });
    return row!;
  });
}

/** The protocol versions of a conference, newest first, for its participants. */
export async function listProtocols(db: Database, actor: Actor, conferenceId: string) {
  const { abilities } = await requireParticipation(db, actor, conferenceId);
  const versions = await db
    .select({ version: conferenceProtocols.version, createdAt: conferenceProtocols.createdAt, createdByName: users.displayName })
    .from(conferenceProtocols)
    .innerJoin(users, eq(users.id, conferenceProtocols.createdByUserId))
    .where(eq(conferenceProtocols.conferenceId, conferenceId))
    .orderBy(desc(conferenceProtocols.version));
  return { mayGenerate: abilities.moderate, versions };
}

/** One version for a participant, with case texts only where the case is released to them. */
export async function getProtocolForViewer(db: Database, actor: Actor, input: ProtocolVersionInput) {
  await requireParticipation(db, actor, input.conferenceId);
  const [row] = await db
    .select({ snapshot: conferenceProtocols.snapshot })
    .from(conferenceProtocols)
    .where(and(eq(conferenceProtocols.conferenceId, input.conferenceId), eq(conferenceProtocols.version, input.version)));
  if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
  return projectSnapshot(
    input.conferenceId,
    row.snapshot as unknown as ProtocolSnapshot,
    await boardViewerOf(db, input.conferenceId, actor, false),
  );
}
