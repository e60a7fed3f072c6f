import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/db";
import {
  cases,
  conferences,
  gapReports,
  kommunen,
  roleAssignments,
  themeSources,
  themes,
  themeStatusChanges,
  themeVersions,
  users,
} from "@/db/schema";
import type { LifeArea } from "../schemas/case-kinds";
import type { ThemeUrgency } from "../schemas/steering-kinds";
import type { ThemeStatus } from "../schemas/theme-kinds";

const day = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * day);

interface DemoTheme {
  title: string;
  text: string;
  lifeAreas: LifeArea[];
  urgency: ThemeUrgency;
  /** The steps taken so far, each with its note; the first is "identified". */
  path: [ThemeStatus, string][];
  ageDays: number;
  /** Observations from cases, pseudonymised as on a board. */
  excerpts: string[];
}

// The oldest themes come first: the sessions and decisions demo put the oldest on the agenda.
const demoThemes: DemoTheme[] = [
  {
    title: "Große Familien finden keinen bezahlbaren Wohnraum",
    text: "Familien mit vier und mehr Kindern bleiben über Jahre in Gemeinschaftsunterkünften, weil es kaum große Wohnungen innerhalb der Mietobergrenzen gibt.",
    lifeAreas: ["housing", "family"],
    urgency: "high",
    path: [
      ["identified", "Konsensual formuliert in der Planungskonferenz Nord."],
      ["reviewed", "Von der Koordination gesichtet; tritt in vier Kommunen auf."],
    ],
    ageDays: 210,
    excerpts: [
      "Familie mit fünf Kindern seit drei Jahren in der Unterkunft",
      "Wohnungsbesichtigungen scheitern an der Mietobergrenze",
      "Vermieter lehnen große Familien ab",
      "Kinder haben keinen Platz für Hausaufgaben",
      "Wohnung zu klein, Jugendamt eingeschaltet",
    ],
  },
  {
    title: "Anerkennung ausländischer Berufsabschlüsse dauert zu lange",
    text: "Zwischen Antrag und Bescheid vergehen oft mehr als zwölf Monate; in dieser Zeit arbeiten Fachkräfte als Hilfskräfte oder gar nicht.",
    lifeAreas: ["education_work"],
    urgency: "high",
    path: [
      ["identified", "Aus der Fallrekonstruktion im Februar."],
      ["reviewed", "Gesichtet; Rückfrage bei der Anerkennungsberatung läuft."],
    ],
    ageDays: 180,
    excerpts: [
      "Pflegefachkraft wartet seit 14 Monaten auf den Bescheid",
      "Unterlagen mussten dreimal übersetzt werden",
      "Ingenieur arbeitet im Lager",
    ],
  },
  {
    title: "Traumasensible Beratung in der Muttersprache fehlt",
    text: "Für Menschen mit Fluchterfahrung gibt es im Kreis kaum psychosoziale Beratung auf Arabisch, Dari oder Tigrinya; Wartezeiten bei Therapieplätzen betragen Monate.",
    lifeAreas: ["health"],
    urgency: "medium",
    path: [
      ["identified", "Aus Meldungen fehlender Angebote."],
      ["reviewed", "Gesichtet; Bedarf in mehreren Fällen bestätigt."],
    ],
    ageDays: 150,
    excerpts: ["Keine Beratung auf Dari erreichbar", "Therapieplatz frühestens in neun Monaten", "Dolmetschkosten werden nicht übernommen"],
  },
  {
    title: "Sprachkurse ohne Kinderbetreuung am Nachmittag",
    text: "Mütter kleiner Kinder können Integrationskurse nicht besuchen, weil es keine Kinderbetreuung während der Kurszeiten gibt.",
    lifeAreas: ["education_work", "family"],
    urgency: "medium",
    path: [["identified", "Konsensual formuliert in der Planungskonferenz Süd."]],
    ageDays: 120,
    excerpts: ["Kurs abgebrochen, weil die Kita nur bis 12 Uhr betreut", "Kein Kurs mit Kinderbetreuung im Umkreis"],
  },
  {
    title: "Fehlende Kinderbetreuung während der Sprachkurse",
    text: "Ohne Kinderbetreuung während der Sprachkurse bleiben vor allem Mütter ohne Deutschkenntnisse und ohne Zugang zu Arbeit.",
    lifeAreas: ["family"],
    urgency: "low",
    path: [["identified", "Aus einem Bericht des Case Managements."]],
    ageDays: 40,
    excerpts: ["Sprachkurs B1 wegen fehlender Betreuung verschoben", "Großmutter betreut, fällt aber oft aus"],
  },
  {
    title: "Monatelange Wartezeiten auf Termine bei der Ausländerbehörde",
    text: "Termine zur Verlängerung von Aufenthaltstiteln sind erst nach Monaten zu bekommen; Fiktionsbescheinigungen gefährden Arbeitsverhältnisse.",
    lifeAreas: ["legal_status"],
    urgency: "high",
    path: [
      ["identified", "Aus dem Jour fixe mit der Ausländerbehörde."],
      ["reviewed", "Gesichtet."],
      ["parked", "Zurückgestellt bis zur Umstellung auf Online-Termine im Herbst."],
    ],
    ageDays: 100,
    excerpts: [
      "Arbeitgeber kündigt wegen abgelaufener Aufenthaltserlaubnis",
      "Termin erst in vier Monaten",
      "Fiktionsbescheinigung wird nicht anerkannt",
    ],
  },
  {
    title: "Schulplätze für Seiteneinsteiger im Nordkreis fehlen",
    text: "Neu zugewanderte Jugendliche warten im Nordkreis monatelang auf einen Platz in einer Sprachfördergruppe.",
    lifeAreas: ["education_work", "family"],
    urgency: "medium",
    path: [
      ["identified", "Konsensual formuliert in der Planungskonferenz Nord."],
      ["reviewed", "Gesichtet."],
      ["rejected", "Zuständigkeit liegt beim Schulamt; dort mit den Fallzahlen vorgelegt."],
    ],
    ageDays: 80,
    excerpts: ["Jugendlicher seit fünf Monaten ohne Schulplatz"],
  },
  {
    title: "Leistungsbescheide des Jobcenters sind schwer verständlich",
    text: "Bescheide und Rückforderungen werden nicht verstanden; Fristen verstreichen, Schulden entstehen.",
    lifeAreas: ["finances"],
    urgency: "medium",
    path: [["identified", "Aus einem Bericht des Case Managements."]],
    ageDays: 20,
    excerpts: ["Rückforderung nicht verstanden, Frist verpasst", "Bescheid nur auf Deutsch, keine Erklärung"],
  },
];

/**
 * Eight generative themes of the demo tenant in several statuses, with sources from its cases,
 * conferences and gap reports where there are any (case-free CM reports otherwise). Written
 * directly, since themes are born in conferences the demo does not run; two of them are near
 * duplicates, so the registry's suggestions and merge have something to show.
 */
export async function seedThemes(db: Database, tenantId: string): Promise<void> {
  const [existing] = await db
    .select({ id: themes.id })
    .from(themes)
    .where(and(eq(themes.tenantId, tenantId), eq(themes.title, demoThemes[0]!.title)))
    .limit(1);
  if (existing) return;
  const [grant] = await db
    .select({ userId: roleAssignments.userId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.tenantId, tenantId), eq(roleAssignments.role, "coordinator")))
    .limit(1);
  const [anyUser] = grant ? [] : await db.select({ userId: users.id }).from(users).where(eq(users.tenantId, tenantId)).limit(1);
  const userId = grant?.userId ?? anyUser?.userId;
  if (!userId) return;

  const places = (
    await db.select({ id: kommunen.id }).from(kommunen).where(eq(kommunen.tenantId, tenantId)).orderBy(asc(kommunen.name))
  ).map((k) => k.id);
  const tenantCases = await db
    .select({ id: cases.id, kommuneId: cases.kommuneId })
    .from(cases)
    .where(eq(cases.tenantId, tenantId))
    .orderBy(asc(cases.pseudonym))
    .limit(40);
  const tenantConferences = await db
    .select({ id: conferences.id, kommuneId: conferences.kommuneId, type: conferences.type })
    .from(conferences)
    .where(eq(conferences.tenantId, tenantId))
    .orderBy(asc(conferences.scheduledAt))
    .limit(5);
  const gaps = await db
    .select({ id: gapReports.id, kommuneId: gapReports.kommuneId, lifeArea: gapReports.lifeArea, description: gapReports.description })
    .from(gapReports)
    .where(eq(gapReports.tenantId, tenantId))
    .limit(10);

  let caseCursor = 0;
  for (const [index, demo] of demoThemes.entries()) {
    const description = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: demo.text }] }] };
    const createdAt = ago(demo.ageDays);
    const [theme] = await db
      .insert(themes)
      .values({
        tenantId,
        title: demo.title,
        description,
        descriptionText: demo.text,
        lifeAreas: demo.lifeAreas,
        urgency: demo.urgency,
        status: demo.path[demo.path.length - 1]![0],
        createdByUserId: userId,
        createdAt,
      })
      .returning({ id: themes.id });
    await db
      .insert(themeVersions)
      .values({ themeId: theme!.id, version: 1, title: demo.title, description, createdByUserId: userId, createdAt });
    await db.insert(themeStatusChanges).values(
      demo.path.map(([status, note], step) => ({
        themeId: theme!.id,
        fromStatus: step === 0 ? null : demo.path[step - 1]![0],
        toStatus: status,
        note,
        actorUserId: userId,
        createdAt: new Date(createdAt.getTime() + step * 9 * day),
      })),
    );

    // Sources spread over the theme's life, so age and trend differ from theme to theme.
    const conference = tenantConferences.length ? tenantConferences[index % tenantConferences.length] : undefined;
    const sources = demo.excerpts.flatMap((excerpt, n) => {
      const seenAt = ago(Math.max(1, demo.ageDays - Math.round(((n + 1) * demo.ageDays) / (demo.excerpts.length + 1))));
      const linked = tenantCases.length ? tenantCases[caseCursor++ % tenantCases.length] : undefined;
      const kommuneId = linked?.kommuneId ?? conference?.kommuneId ?? places[(index + n) % Math.max(1, places.length)] ?? null;
      const base = { themeId: theme!.id, tenantId, caseId: linked?.id ?? null, kommuneId, excerpt, createdAt: seenAt };
      // The same case seen twice (a second card) must not raise the case count.
      const repeated = n === 0 && linked ? [{ ...base, kind: "cm_report" as const, excerpt: `${excerpt} (Nachtrag)` }] : [];
      if (conference && n % 2 === 0) {
        return [
          {
            ...base,
            kind: conference.type === "fallrekonstruktion" ? ("reconstruction" as const) : ("conference" as const),
            conferenceId: conference.id,
            kommuneId: conference.kommuneId ?? kommuneId,
          },
          ...repeated,
        ];
      }
      return [{ ...base, kind: "cm_report" as const }, ...repeated];
    });
    const gap = gaps.length ? gaps[index % gaps.length] : undefined;
    await db.insert(themeSources).values(sources);
    if (gap && index % 3 === 2) {
      await db.insert(themeSources).values({
        themeId: theme!.id,
        tenantId,
        kind: "gap_report",
        gapReportId: gap.id,
        lifeArea: gap.lifeArea,
        kommuneId: gap.kommuneId,
        excerpt: gap.description,
        createdAt: ago(5),
      });
    }
  }
}
