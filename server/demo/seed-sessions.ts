import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db";
import { bodies, bodySessions, roleAssignments, themes, users } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { calendarDayOf } from "../schemas/calendar-days";
import { createCaller } from "../app-router";

const at = (offsetDays: number, hour: number) => {
  const date = new Date(Date.now() + offsetDays * 86_400_000);
  date.setUTCHours(hour, 0, 0, 0);
  return date;
};
const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });

async function coordinationActor(db: Database, tenantId: string): Promise<Actor | null> {
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

/**
 * The demo tenant's Lenkungsgruppe and Arbeitsgruppe Wohnen with external members, two held
 * Lenkungsgruppe sessions (the first one's minutes approved in the second) and a planned one whose
 * agenda holds the registry's themes (free items when there are none yet). Goes through the
 * services, so statuses, theme history and audit rows are as real use would leave them.
 */
export async function seedSessions(db: Database, tenantId: string): Promise<void> {
  const actor = await coordinationActor(db, tenantId);
  const [lenkungsgruppe] = await db
    .select()
    .from(bodies)
    .where(and(eq(bodies.tenantId, tenantId), eq(bodies.kind, "lenkungsgruppe")))
    .limit(1);
  if (!actor || !lenkungsgruppe) return;
  const api = createCaller({ db, actor, request: { address: "127.0.0.1", userAgent: "demo-seed" } });

  const [existing] = await db
    .select()
    .from(bodies)
    .where(and(eq(bodies.tenantId, tenantId), eq(bodies.name, "Arbeitsgruppe Wohnen")));
  const [wohnen] = existing
    ? [existing]
    : await db.insert(bodies).values({ tenantId, name: "Arbeitsgruppe Wohnen", kind: "arbeitsgruppe" }).returning();

  for (const member of [
    { name: "Dr. Helga Berger", organisationName: "Kreisverwaltung, Dezernat Soziales", function: "Vorsitz" },
    { name: "Murat Aydın", organisationName: "Integrationsrat Beispielstadt", function: "Vorsitzender" },
    { name: "Sabine Lorenz", organisationName: "Agentur für Arbeit", function: "Bereichsleitung" },
    { name: "Thomas Wagner", organisationName: "Schulamt Kreis Beispiel", function: "Schulrat" },
  ]) {
    await api.bodies.addExternalMember({ bodyId: lenkungsgruppe.id, ...member });
  }
  for (const member of [
    { name: "Ingrid Schulte", organisationName: "Wohnungsbaugesellschaft Kreis Beispiel", function: "Vermietung" },
    { name: "Yusuf Kaya", organisationName: "Mieterverein Beispielstadt", function: "Beratung" },
  ]) {
    await api.bodies.addExternalMember({ bodyId: wohnen!.id, ...member });
  }

  const registry = await db
    .select({ id: themes.id, title: themes.title })
    .from(themes)
    .where(and(eq(themes.tenantId, tenantId), isNull(themes.mergedIntoThemeId)))
    .orderBy(asc(themes.createdAt))
    .limit(3);

  const first = await api.sessions.plan({
    bodyId: lenkungsgruppe.id,
    title: "1. Sitzung der Lenkungsgruppe",
    scheduledAt: at(-84, 14),
    place: "Kreishaus, Sitzungssaal 2",
  });
  await api.sessions.addAgendaItem({
    sessionId: first.id,
    kind: "report",
    title: "Bericht der Koordination zum Stand des Case Managements",
    notes: "",
  });
  await api.sessions.addAgendaItem({
    sessionId: first.id,
    kind: "free",
    title: "Geschäftsordnung der Lenkungsgruppe",
    notes: "Entwurf liegt der Einladung bei.",
  });
  await api.sessions.markInvited({ sessionId: first.id });
  const firstView = await api.sessions.get({ sessionId: first.id });
  await api.sessions.recordAttendance({
    sessionId: first.id,
    entries: firstView.attendance.map((a, index) =>
      a.userId ? { userId: a.userId, present: true } : { externalMemberId: a.externalMemberId!, present: index % 4 !== 3 },
    ),
  });
  const { doc } = await api.sessions.minutesDraft({ sessionId: first.id });
  const minutes = {
    ...doc,
    content: [
      ...(doc.content ?? []),
      paragraph("Die Geschäftsordnung wurde ohne Änderungen angenommen. Die nächste Sitzung findet in etwa zwei Monaten statt."),
    ],
  };
  // The text the shared minutes start from when first opened, as if written before.
  await db.update(bodySessions).set({ minutes }).where(eq(bodySessions.id, first.id));

  const second = await api.sessions.plan({
    bodyId: lenkungsgruppe.id,
    title: "2. Sitzung der Lenkungsgruppe",
    scheduledAt: at(-21, 14),
    place: "Kreishaus, Sitzungssaal 2",
  });
  await api.sessions.addAgendaItem({ sessionId: second.id, kind: "free", title: "Genehmigung des Protokolls der 1. Sitzung", notes: "" });
  await api.sessions.markInvited({ sessionId: second.id });
  const secondView = await api.sessions.get({ sessionId: second.id });
  await api.sessions.recordAttendance({
    sessionId: second.id,
    entries: secondView.attendance.map((a) =>
      a.userId ? { userId: a.userId, present: true } : { externalMemberId: a.externalMemberId!, present: true },
    ),
  });
  await api.sessions.approveMinutes({ sessionId: first.id, approvingSessionId: second.id });

  const next = await api.sessions.plan({
    bodyId: lenkungsgruppe.id,
    title: "3. Sitzung der Lenkungsgruppe",
    scheduledAt: at(21, 14),
    place: "Kreishaus, Sitzungssaal 2",
  });
  await api.sessions.addAgendaItem({ sessionId: next.id, kind: "free", title: "Genehmigung des Protokolls der 2. Sitzung", notes: "" });
  if (registry.length > 0) {
    for (const theme of registry)
      await api.sessions.addAgendaItem({
        sessionId: next.id,
        kind: "theme",
        themeId: theme.id,
        notes: "Aus den Planungskonferenzen; Zuordnung zu einer Arbeitsgruppe.",
      });
  } else {
    await api.sessions.addAgendaItem({
      sessionId: next.id,
      kind: "free",
      title: "Wohnraum für große Familien",
      notes: "Vorschlag der Koordination aus den Fallrekonstruktionen.",
    });
    await api.sessions.addAgendaItem({ sessionId: next.id, kind: "free", title: "Sprachkurse mit Kinderbetreuung", notes: "" });
  }
  await api.sessions.addAgendaItem({ sessionId: next.id, kind: "free", title: "Verschiedenes", notes: "" });

  const wohnenSession = await api.sessions.plan({
    bodyId: wohnen!.id,
    title: "Arbeitsgruppe Wohnen: Auftaktsitzung",
    scheduledAt: at(28, 15),
    place: "Mieterverein Beispielstadt",
  });
  await api.sessions.addAgendaItem({ sessionId: wohnenSession.id, kind: "free", title: "Arbeitsweise und Sitzungsrhythmus", notes: "" });
  if (registry.length > 0) {
    await api.sessions.polls.create({
      bodyId: wohnen!.id,
      sessionId: wohnenSession.id,
      question: "Welche Hürden bei der Wohnungssuche beobachten Sie derzeit in Ihren Fällen?",
      themeIds: registry.slice(0, 2).map((t) => t.id),
      dueDate: calendarDayOf(at(21, 12)),
    });
  }
}
