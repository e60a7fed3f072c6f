import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "@/db";
import { agendaItems, bodies, bodySessions, decisions, organisations, roleAssignments, themes, users } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { addDays, todayInBerlin } from "../schemas/calendar-days";
import { recordDecision } from "../steering/decisions";
import { listFollowUps, reportFollowUp } from "../steering/follow-ups";
import { createProposal, submitProposal } from "../steering/proposals";
import { createVorlage, saveVorlageVersion } from "../steering/vorlagen";

const paragraphs = (...texts: string[]) => ({
  type: "doc",
  content: texts.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
});

async function coordinatorOf(db: Database, tenantId: string): Promise<Actor | null> {
  const [grant] = await db
    .select({ userId: roleAssignments.userId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.tenantId, tenantId), eq(roleAssignments.role, "coordinator")))
    .limit(1);
  if (!grant) return null;
  const [user] = await db.select().from(users).where(eq(users.id, grant.userId));
  const grants = await db
    .select({ role: roleAssignments.role, kommuneId: roleAssignments.kommuneId, bodyId: roleAssignments.bodyId })
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, user!.id));
  return { userId: user!.id, tenantId, displayName: user!.displayName, organisationId: user!.organisationId, grants };
}

function isoDay(offsetDays: number): string {
  return addDays(todayInBerlin(), offsetDays);
}

/**
 * The steering path after the agenda for the demo: the Lenkungsgruppe's decision on a theme with
 * an assignment and a recommendation, the working group's proposal, a Vorlage in two versions and
 * a first progress report. Made through the services, so statuses, evidence and audit are as in use;
 * whatever earlier seeds did not create (theme, groups, session) is created minimally here.
 */
export async function seedDecisions(db: Database, tenantId: string): Promise<void> {
  const coordinator = await coordinatorOf(db, tenantId);
  if (!coordinator) return;
  const [existing] = await db.select({ id: decisions.id }).from(decisions).where(eq(decisions.tenantId, tenantId)).limit(1);
  if (existing) return;

  let [theme] = await db
    .select({ id: themes.id, title: themes.title })
    .from(themes)
    .where(and(eq(themes.tenantId, tenantId), isNull(themes.mergedIntoThemeId)))
    .orderBy(asc(themes.createdAt))
    .limit(1);
  theme ??= (
    await db
      .insert(themes)
      .values({
        tenantId,
        title: "Große Familien finden keinen bezahlbaren Wohnraum",
        description: paragraphs(
          "Familien mit vier und mehr Kindern bleiben lange in Gemeinschaftsunterkünften, weil passende Wohnungen fehlen.",
        ),
        descriptionText: "Familien mit vier und mehr Kindern bleiben lange in Gemeinschaftsunterkünften, weil passende Wohnungen fehlen.",
        createdByUserId: coordinator.userId,
      })
      .returning({ id: themes.id, title: themes.title })
  )[0]!;

  const tenantBodies = await db.select().from(bodies).where(eq(bodies.tenantId, tenantId)).orderBy(asc(bodies.createdAt));
  const steering =
    tenantBodies.find((b) => b.kind === "lenkungsgruppe") ??
    (await db.insert(bodies).values({ tenantId, name: "Lenkungsgruppe", kind: "lenkungsgruppe" }).returning())[0]!;
  const group =
    tenantBodies.find((b) => b.kind === "fachgruppe" && b.name.includes("Wohnen")) ??
    tenantBodies.find((b) => b.kind !== "lenkungsgruppe") ??
    (
      await db
        .insert(bodies)
        .values({ tenantId, name: "Arbeitsgruppe Wohnen", kind: "arbeitsgruppe", parentBodyId: steering.id })
        .returning()
    )[0]!;

  // An agenda item of the Lenkungsgruppe on this theme that is not decided yet, or a new held session with one.
  const sessions = await db
    .select({ id: bodySessions.id })
    .from(bodySessions)
    .where(and(eq(bodySessions.tenantId, tenantId), eq(bodySessions.bodyId, steering.id)));
  const candidates = sessions.length
    ? await db
        .select({ id: agendaItems.id, sessionId: agendaItems.sessionId })
        .from(agendaItems)
        .leftJoin(decisions, eq(decisions.agendaItemId, agendaItems.id))
        .where(
          and(
            inArray(
              agendaItems.sessionId,
              sessions.map((s) => s.id),
            ),
            eq(agendaItems.themeId, theme.id),
            isNull(decisions.id),
          ),
        )
        .limit(1)
    : [];
  let item = candidates[0];
  if (!item) {
    const [session] = await db
      .insert(bodySessions)
      .values({
        tenantId,
        bodyId: steering.id,
        title: "Sitzung der Lenkungsgruppe im Frühjahr",
        scheduledAt: new Date(Date.now() - 21 * 86_400_000),
        place: "Kreishaus, Sitzungssaal 2",
        status: "held",
        createdByUserId: coordinator.userId,
      })
      .returning({ id: bodySessions.id });
    const [created] = await db
      .insert(agendaItems)
      .values({ sessionId: session!.id, position: 1, kind: "theme", title: theme.title, themeId: theme.id })
      .returning({ id: agendaItems.id, sessionId: agendaItems.sessionId });
    item = created!;
  }

  const [responsible] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.tenantId, tenantId))
    .orderBy(asc(organisations.name))
    .limit(1);
  await recordDecision(db, coordinator, {
    sessionId: item.sessionId,
    agendaItemId: item.id,
    outcome: "adopted",
    votesFor: 11,
    votesAgainst: 0,
    votesAbstain: 1,
    text: `Die Lenkungsgruppe nimmt das Thema „${theme.title}“ auf und beauftragt die ${group.name}, Lösungsvorschläge zu erarbeiten.`,
    assignments: [
      {
        bodyId: group.id,
        task: "Lösungsvorschläge mit Wohnungswirtschaft und Sozialamt erarbeiten und als Vorlage vorbereiten",
        dueDate: isoDay(75),
      },
    ],
    recommendations: [
      {
        addressee: "Amt für Wohnen und Soziales",
        responsibleOrganisationId: responsible?.id ?? null,
        text: "Belegungsrechte für große Wohnungen im geförderten Wohnungsbau prüfen und Ergebnis berichten",
        dueDate: isoDay(120),
      },
    ],
  });

  const proposal = await createProposal(db, coordinator, {
    themeId: theme.id,
    bodyId: group.id,
    title: "Wohnungsbörse für große Familien",
    body: paragraphs(
      "Eine gemeinsame Börse von Wohnungswirtschaft und Kommunen meldet große Wohnungen zuerst an die Integrationsberatung.",
      "Die Case Manager begleiten Besichtigungen und vermitteln bei Fragen zur Mietübernahme.",
    ),
  });
  await submitProposal(db, coordinator, proposal.id);
  const vorlage = await createVorlage(db, coordinator, {
    themeId: null,
    proposalId: proposal.id,
    title: "Vorlage: Wohnungsbörse für große Familien",
    body: paragraphs(
      "Die Lenkungsgruppe empfiehlt den Kommunen, eine gemeinsame Wohnungsbörse einzurichten.",
      "Große Wohnungen werden zuerst der Integrationsberatung gemeldet.",
    ),
  });
  await saveVorlageVersion(db, coordinator, {
    vorlageId: vorlage.id,
    expectedVersion: 1,
    title: "Vorlage: Wohnungsbörse für große Familien",
    body: paragraphs(
      "Die Lenkungsgruppe empfiehlt den Kommunen, bis Jahresende eine gemeinsame Wohnungsbörse mit der Wohnungswirtschaft einzurichten.",
      "Große Wohnungen werden zuerst der Integrationsberatung gemeldet; das Jobcenter sagt eine zügige Prüfung der Mietübernahme zu.",
    ),
  });

  const [assignment] = (await listFollowUps(db, coordinator, false)).filter(
    (entry) => entry.kind === "assignment" && entry.themeId === theme.id,
  );
  if (assignment) {
    await reportFollowUp(db, coordinator, {
      assignmentId: assignment.id,
      recommendationId: null,
      status: "in_progress",
      note: "Erstes Treffen mit zwei Wohnungsbaugesellschaften hat stattgefunden; ein Entwurf liegt als Vorlage vor.",
    });
  }
}
