import { and, asc, eq, inArray, or, type SQL } from "drizzle-orm";
import type { Database } from "@/db";
import {
  agendaItems,
  assignments,
  bodies,
  bodySessions,
  decisions,
  organisations,
  recommendations,
  themes,
  vorlagen,
  vorlageVersions,
} from "@/db/schema";
import type { Actor } from "../auth/policy";
import { AppError } from "../errors";
import { todayInBerlin } from "../schemas/calendar-days";
import { countViewFor } from "../aggregates/count-view";
import { shownCount } from "../aggregates/shown-count";
import { distinctCases, requireThemesView, sourcesOf } from "./registry";

/** The theme and every theme merged into it (and into those): their steering history is the target's too. */
async function themeFamily(db: Database, tenantId: string, themeId: string): Promise<string[]> {
  const family = [themeId];
  let frontier = [themeId];
  while (frontier.length > 0) {
    const children = await db
      .select({ id: themes.id })
      .from(themes)
      .where(and(eq(themes.tenantId, tenantId), inArray(themes.mergedIntoThemeId, frontier)));
    frontier = children.map((c) => c.id).filter((id) => !family.includes(id));
    family.push(...frontier);
  }
  return family;
}

function anyOf(...conditions: (SQL | undefined | false)[]): SQL | undefined {
  const present = conditions.filter((c): c is SQL => !!c);
  return present.length ? or(...present) : undefined;
}

/**
 * Where a theme came from and what became of it: cases (counted) and conferences, agenda items,
 * Vorlagen, decisions, assignments and recommendations with their status. Only aggregates and
 * steering records: no case references and no free text from cases, so every viewer sees the chain.
 */
export async function traceTheme(db: Database, actor: Actor, themeId: string) {
  requireThemesView(actor);
  const [theme] = await db
    .select({ id: themes.id, title: themes.title, status: themes.status, mergedIntoThemeId: themes.mergedIntoThemeId })
    .from(themes)
    .where(and(eq(themes.id, themeId), eq(themes.tenantId, actor.tenantId)));
  if (!theme) throw new AppError("NOT_FOUND", "errors.notFound");
  const view = await countViewFor(db, actor);
  const ids = await themeFamily(db, actor.tenantId, theme.id);
  const sources = await sourcesOf(db, actor.tenantId, ids);
  const conferenceMap = new Map<string, { id: string; title: string; date: Date; type: string }>();
  for (const s of sources) {
    if (s.conferenceId && s.conferenceTitle && s.conferenceDate && s.conferenceType) {
      conferenceMap.set(s.conferenceId, { id: s.conferenceId, title: s.conferenceTitle, date: s.conferenceDate, type: s.conferenceType });
    }
  }

  const vorlageRows = await db
    .select({ id: vorlagen.id, title: vorlagen.title, status: vorlagen.status, createdAt: vorlagen.createdAt })
    .from(vorlagen)
    .where(and(eq(vorlagen.tenantId, actor.tenantId), inArray(vorlagen.themeId, ids)))
    .orderBy(asc(vorlagen.createdAt));
  const vorlageIds = vorlageRows.map((v) => v.id);
  const versions = vorlageIds.length
    ? await db
        .select({ vorlageId: vorlageVersions.vorlageId, version: vorlageVersions.version, createdAt: vorlageVersions.createdAt })
        .from(vorlageVersions)
        .where(inArray(vorlageVersions.vorlageId, vorlageIds))
        .orderBy(asc(vorlageVersions.version))
    : [];

  const agenda = await db
    .select({
      id: agendaItems.id,
      title: agendaItems.title,
      kind: agendaItems.kind,
      sessionId: bodySessions.id,
      sessionTitle: bodySessions.title,
      sessionDate: bodySessions.scheduledAt,
      bodyName: bodies.name,
      bodyKind: bodies.kind,
    })
    .from(agendaItems)
    .innerJoin(bodySessions, and(eq(bodySessions.id, agendaItems.sessionId), eq(bodySessions.tenantId, actor.tenantId)))
    .innerJoin(bodies, eq(bodies.id, bodySessions.bodyId))
    .where(anyOf(inArray(agendaItems.themeId, ids), vorlageIds.length > 0 && inArray(agendaItems.vorlageId, vorlageIds)))
    .orderBy(asc(bodySessions.scheduledAt), asc(agendaItems.position));
  const agendaIds = agenda.map((a) => a.id);

  const decisionRows = await db
    .select({
      id: decisions.id,
      outcome: decisions.outcome,
      text: decisions.text,
      votesFor: decisions.votesFor,
      votesAgainst: decisions.votesAgainst,
      votesAbstain: decisions.votesAbstain,
      createdAt: decisions.createdAt,
      sessionTitle: bodySessions.title,
      sessionDate: bodySessions.scheduledAt,
      bodyName: bodies.name,
    })
    .from(decisions)
    .innerJoin(bodySessions, eq(bodySessions.id, decisions.sessionId))
    .innerJoin(bodies, eq(bodies.id, bodySessions.bodyId))
    .where(
      and(
        eq(decisions.tenantId, actor.tenantId),
        anyOf(
          inArray(decisions.themeId, ids),
          vorlageIds.length > 0 && inArray(decisions.vorlageId, vorlageIds),
          agendaIds.length > 0 && inArray(decisions.agendaItemId, agendaIds),
        ),
      ),
    )
    .orderBy(asc(bodySessions.scheduledAt), asc(decisions.createdAt));
  const decisionIds = decisionRows.map((d) => d.id);

  const assignmentRows = await db
    .select({
      id: assignments.id,
      task: assignments.task,
      dueDate: assignments.dueDate,
      status: assignments.status,
      bodyName: bodies.name,
      decisionId: assignments.decisionId,
    })
    .from(assignments)
    .innerJoin(bodies, eq(bodies.id, assignments.bodyId))
    .where(
      and(
        eq(assignments.tenantId, actor.tenantId),
        anyOf(inArray(assignments.themeId, ids), decisionIds.length > 0 && inArray(assignments.decisionId, decisionIds)),
      ),
    )
    .orderBy(asc(assignments.dueDate));
  const recommendationRows = await db
    .select({
      id: recommendations.id,
      addressee: recommendations.addressee,
      organisationName: organisations.name,
      text: recommendations.text,
      dueDate: recommendations.dueDate,
      status: recommendations.status,
      decisionId: recommendations.decisionId,
    })
    .from(recommendations)
    .leftJoin(organisations, eq(organisations.id, recommendations.responsibleOrganisationId))
    .where(
      and(
        eq(recommendations.tenantId, actor.tenantId),
        anyOf(inArray(recommendations.themeId, ids), decisionIds.length > 0 && inArray(recommendations.decisionId, decisionIds)),
      ),
    )
    .orderBy(asc(recommendations.dueDate));

  const today = todayInBerlin();
  const isOverdue = (row: { dueDate: string; status: string }) =>
    row.dueDate < today && (row.status === "open" || row.status === "in_progress");
  return {
    id: theme.id,
    title: theme.title,
    status: theme.status,
    caseCount: shownCount(view, distinctCases(sources)),
    kommuneCount: new Set(sources.map((s) => s.kommuneId).filter(Boolean)).size,
    conferences: [...conferenceMap.values()].sort((a, b) => a.date.getTime() - b.date.getTime()),
    agendaItems: agenda,
    vorlagen: vorlageRows.map((v) => ({
      ...v,
      versions: versions.filter((x) => x.vorlageId === v.id).map(({ version, createdAt }) => ({ version, createdAt })),
    })),
    decisions: decisionRows,
    assignments: assignmentRows.map((a) => ({ ...a, isOverdue: isOverdue(a) })),
    recommendations: recommendationRows.map((r) => ({ ...r, isOverdue: isOverdue(r) })),
  };
}
