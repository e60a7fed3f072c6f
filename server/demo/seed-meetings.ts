import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import { generateKeyBetween } from "fractional-indexing";
import type { Database } from "@/db";
import { cases, organisations } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { applyBoardOperation } from "../conferences/board";
import { meetingCaseId } from "../conferences/meeting-case-ids";
import type { BoardOperation } from "../schemas/board";
import { addMonths, monthKey, todayInBerlin } from "../schemas/calendar-days";
import type { ConferenceType } from "../schemas/conference-kinds";
import { createCaller } from "../app-router";
import { actorFor } from "./seed-demo-cases";

/** Where each meeting type's Ablaufplan (the default one) has the phase the demo shows. */
const phaseIndex = { reconstruction: 2, themeCards: 1, clustering: 2, voting: 3, timeline: 1 } as const;

interface Meeting {
  id: string;
  /** Sends one operation as `actor`, through the same service and log as the live board. */
  op: (actor: Actor, op: BoardOperation) => Promise<void>;
  /** The meeting id of an agenda case, as the board names it. */
  caseRef: (caseId: string) => string;
  /** The next order key of a lane or cell, so cards stand in the order they were pinned. */
  nextKey: (slot: string) => string;
}

/**
 * One running meeting of each type, for a newcomer to open at once: a Fallkonferenz with a filled
 * reconstruction grid and some ready checks, a Planungskonferenz with theme cards, clusters (one
 * spanning two cases) and dots, and a Fallrekonstruktion with a dated timeline. Planned, started and
 * filled through the same procedures and board operations as real use, so snapshots, catch-up,
 * consent redaction and audit behave as in a live meeting.
 */
export async function seedMeetings(db: Database): Promise<void> {
  const [moderator, chris, dana, sam, nico] = await Promise.all(
    ["koordination", "casemanagement", "cm-nordheim", "cm-sprecherin", "netzwerk"].map((username) => actorFor(db, username)),
  );
  const people = [chris!, dana!, sam!, nico!];
  const [chrisCases, danaCases] = await Promise.all([activeCasesOf(db, chris!), activeCasesOf(db, dana!)]);
  if (chrisCases.length < 3 || danaCases.length < 1) return;
  // Each case's client also released it to everyone at the table, so all may read its cards.
  const tableOrganisations = (
    await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(
        and(
          eq(organisations.tenantId, moderator!.tenantId),
          inArray(
            organisations.id,
            [moderator!, ...people].map((p) => p.organisationId ?? ""),
          ),
        ),
      )
  ).map((row) => row.id);
  const prepare = async (manager: Actor, caseId: string, title: string, body: string) => {
    const api = callerOf(db, manager);
    await api.cases.addConsent({
      caseId,
      kind: "confidentiality_release",
      organisationIds: tableOrganisations,
      grantedOn: todayInBerlin(),
      scopeNote: "Für die Konferenzen des Kreises",
    });
    await api.cases.saveSummary({ caseId, title, body });
  };
  const [grid, plan1, timelineCase] = chrisCases;
  const plan2 = danaCases[0]!;
  await prepare(chris!, grid!, "Wohnen und Arbeit", "Familie mit drei Kindern, Wohnung zu klein, Anerkennung des Berufsabschlusses offen.");
  await prepare(chris!, plan1!, "Sprache und Kinderbetreuung", "Sprachkurs abgebrochen, weil die Kinderbetreuung am Nachmittag fehlt.");
  await prepare(dana!, plan2, "Wohnungssuche", "Große Familie sucht seit zwei Jahren eine bezahlbare Wohnung.");
  await prepare(chris!, timelineCase!, "Weg in Arbeit", "Seit drei Jahren im Kreis, Aufenthalt gesichert, Weg in Arbeit mit Umwegen.");

  const fallkonferenz = await startMeeting(db, moderator!, people, "fallkonferenz", "Fallkonferenz Wohnen und Arbeit (Demo)", [
    { manager: chris!, caseId: grid! },
  ]);
  await fillReconstructionGrid(fallkonferenz, { moderator: moderator!, chris: chris!, dana: dana!, nico: nico! }, grid!);

  const planung = await startMeeting(db, moderator!, people, "planungskonferenz", "Planungskonferenz Nordkreis (Demo)", [
    { manager: chris!, caseId: plan1! },
    { manager: dana!, caseId: plan2 },
    { manager: chris!, caseId: grid! },
  ]);
  await fillPlanningBoard(planung, { moderator: moderator!, chris: chris!, dana: dana!, sam: sam!, nico: nico! }, [plan1!, plan2, grid!]);

  const rekonstruktion = await startMeeting(db, moderator!, people, "fallrekonstruktion", "Fallrekonstruktion Weg in Arbeit (Demo)", [
    { manager: chris!, caseId: timelineCase! },
  ]);
  await fillTimeline(rekonstruktion, { moderator: moderator!, chris: chris!, nico: nico! }, timelineCase!);
}

function callerOf(db: Database, actor: Actor) {
  return createCaller({ db, actor, request: { address: "127.0.0.1", userAgent: "demo-seed" } });
}

async function activeCasesOf(db: Database, manager: Actor): Promise<string[]> {
  const rows = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.responsibleUserId, manager.userId), eq(cases.status, "active")))
    .orderBy(asc(cases.openedOn), asc(cases.id));
  return rows.map((row) => row.id);
}

async function startMeeting(
  db: Database,
  moderator: Actor,
  participants: Actor[],
  type: ConferenceType,
  title: string,
  agenda: { manager: Actor; caseId: string }[],
): Promise<Meeting> {
  const today = new Date();
  today.setUTCHours(8, 0, 0, 0);
  const { id } = await callerOf(db, moderator).conferences.create({
    type,
    title,
    scheduledAt: today,
    place: "Kreishaus, Sitzungssaal 2",
    participantUserIds: participants.map((p) => p.userId),
  });
  for (const item of agenda) await callerOf(db, item.manager).conferences.addCase({ conferenceId: id, caseId: item.caseId });
  await callerOf(db, moderator).conferences.setStatus({ conferenceId: id, status: "running" });
  const keys = new Map<string, string | null>();
  return {
    id,
    op: async (actor, op) => {
      await applyBoardOperation(db, actor, { conferenceId: id, clientOpId: randomUUID().replace(/-/g, ""), op });
    },
    caseRef: (caseId) => meetingCaseId(id, caseId),
    nextKey: (slot) => {
      const key = generateKeyBetween(keys.get(slot) ?? null, null);
      keys.set(slot, key);
      return key;
    },
  };
}

type Cast = Record<string, Actor>;

/** Perspectives of the client and of each organisation at the table, two still owing their ready check. */
async function fillReconstructionGrid(meeting: Meeting, who: Cast, caseId: string) {
  await meeting.op(who.moderator!, { kind: "phase.set", index: phaseIndex.reconstruction });
  await meeting.op(who.moderator!, { kind: "case.activate", caseId: meeting.caseRef(caseId) });
  const cards: [Actor, string, string][] = [
    [who.chris!, "klient", "Wünscht sich eine Arbeit im erlernten Beruf als Elektriker"],
    [who.chris!, "klient", "Die Wohnung ist für fünf Personen viel zu klein"],
    [who.chris!, who.chris!.organisationId!, "Anerkennungsverfahren seit acht Monaten ohne Bescheid"],
    [who.chris!, who.chris!.organisationId!, "Familie ist hoch motiviert, Termine werden verlässlich wahrgenommen"],
    [who.nico!, who.nico!.organisationId!, "Aufenthaltserlaubnis bis Ende nächsten Jahres, Verlängerung ist absehbar"],
    [who.nico!, who.nico!.organisationId!, "Für die Arbeitsaufnahme ist keine Zustimmung mehr nötig"],
    [who.dana!, who.dana!.organisationId!, "Sprachkurs B1 mit Kinderbetreuung wäre im Nordkreis möglich"],
    [who.moderator!, who.moderator!.organisationId!, "Mehrere Stellen arbeiten am selben Ziel, ohne voneinander zu wissen"],
  ];
  for (const [actor, perspective, text] of cards) {
    await meeting.op(actor, {
      kind: "card.add",
      cardId: randomUUID(),
      lane: "rekonstruktion",
      text,
      orderKey: meeting.nextKey(`${caseId}:${perspective}`),
      caseId: meeting.caseRef(caseId),
      perspective,
    });
  }
  for (const actor of [who.chris!, who.nico!]) await meeting.op(actor, { kind: "ready.set", caseId: meeting.caseRef(caseId), ready: true });
}

/** Theme cards per case, clustered (one cluster drawn from two cases: a generative candidate), then dotted. */
async function fillPlanningBoard(meeting: Meeting, who: Cast, [language, housing, work]: string[]) {
  await meeting.op(who.moderator!, { kind: "phase.set", index: phaseIndex.themeCards });
  const themeCards: [Actor, string, string][] = [
    [who.chris!, language!, "Kein Sprachkurs mit Kinderbetreuung am Nachmittag"],
    [who.chris!, language!, "Lange Wartezeit auf einen Kitaplatz"],
    [who.dana!, housing!, "Große Familien finden keine bezahlbare Wohnung"],
    [who.dana!, housing!, "Kinderbetreuung fehlt während der Wohnungsbesichtigungen und Termine"],
    [who.chris!, work!, "Anerkennung ausländischer Abschlüsse dauert zu lange"],
    [who.nico!, work!, "Unterlagen werden zwischen den Behörden mehrfach angefordert"],
  ];
  const cardIds: string[] = [];
  for (const [actor, caseId, text] of themeCards) {
    const cardId = randomUUID();
    cardIds.push(cardId);
    await meeting.op(actor, {
      kind: "card.add",
      cardId,
      lane: "themen",
      text,
      orderKey: meeting.nextKey("themen"),
      caseId: meeting.caseRef(caseId!),
      perspective: null,
    });
  }
  await meeting.op(who.moderator!, { kind: "phase.set", index: phaseIndex.clustering });
  const clusters: [string, number[]][] = [
    ["Kinderbetreuung fehlt, wenn Eltern Termine und Kurse wahrnehmen", [0, 1, 3]],
    ["Wohnraum für große Familien", [2]],
    ["Langwierige Verfahren zwischen den Behörden", [4, 5]],
  ];
  const clusterIds: string[] = [];
  for (const [title, members] of clusters) {
    const clusterId = randomUUID();
    clusterIds.push(clusterId);
    await meeting.op(who.moderator!, { kind: "cluster.add", clusterId, title, orderKey: meeting.nextKey("clusters") });
    for (const index of members) await meeting.op(who.moderator!, { kind: "card.cluster", cardId: cardIds[index]!, clusterId });
  }
  await meeting.op(who.moderator!, { kind: "phase.set", index: phaseIndex.voting });
  const dots: [Actor, number, number][] = [
    [who.chris!, 0, 2],
    [who.chris!, 2, 1],
    [who.dana!, 0, 1],
    [who.dana!, 1, 2],
    [who.sam!, 0, 3],
    [who.nico!, 2, 2],
  ];
  for (const [actor, cluster, count] of dots) await meeting.op(actor, { kind: "vote.set", targetId: clusterIds[cluster]!, dots: count });
}

/** The course of an integration process over almost three years, with its barriers, interfaces and turning points. */
async function fillTimeline(meeting: Meeting, who: Cast, caseId: string) {
  await meeting.op(who.moderator!, { kind: "phase.set", index: phaseIndex.timeline });
  const monthsAgo = (n: number) => monthKey(addMonths(todayInBerlin(), -n));
  const stations: [Actor, string, number, string][] = [
    [who.chris!, "verlauf", 33, "Ankunft im Kreis, Unterbringung in der Gemeinschaftsunterkunft"],
    [who.nico!, "schnittstellen", 31, "Übergang von der Erstaufnahme zur Ausländerbehörde des Kreises"],
    [who.chris!, "barrieren", 29, "Integrationskurs erst nach sieben Monaten Wartezeit"],
    [who.chris!, "verlauf", 24, "Beginn des Integrationskurses"],
    [who.nico!, "wendepunkte", 20, "Aufenthaltserlaubnis erteilt"],
    [who.chris!, "schnittstellen", 17, "Wechsel vom Sozialamt zum Jobcenter, Leistungen zwei Monate unterbrochen"],
    [who.chris!, "barrieren", 14, "Berufsabschluss nicht anerkannt, Unterlagen fehlen"],
    [who.chris!, "verlauf", 11, "Umzug in eine eigene Wohnung"],
    [who.chris!, "wendepunkte", 6, "Praktikum führt zu einem Arbeitsvertrag in Teilzeit"],
    [who.chris!, "verlauf", 2, "Teilanerkennung des Abschlusses, Anpassungsqualifizierung beginnt"],
  ];
  for (const [actor, lane, ago, text] of stations) {
    await meeting.op(actor, {
      kind: "card.add",
      cardId: randomUUID(),
      lane,
      text,
      orderKey: meeting.nextKey(lane),
      caseId: meeting.caseRef(caseId),
      perspective: null,
      month: monthsAgo(ago),
    });
  }
  // One station whose month is still being worked out waits in the tray.
  await meeting.op(who.chris!, {
    kind: "card.add",
    cardId: randomUUID(),
    lane: "verlauf",
    text: "Erster Kontakt zum Kommunalen Integrationsmanagement",
    orderKey: meeting.nextKey("verlauf"),
    caseId: meeting.caseRef(caseId),
    perspective: null,
  });
}
