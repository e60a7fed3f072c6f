import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { kommunen, organisations, roleAssignments, users } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { addDays, todayInBerlin } from "../schemas/calendar-days";
import { closingTypes, contactChannels, indicationCriteria, lifeAreas, scaleItems, situationChanges } from "../schemas/case-kinds";
import type { IdentityInput } from "../schemas/cases";
import { createCaller } from "../app-router";

// Fictional people only. A small deterministic generator keeps the demo the same on every machine.
const lastNames = [
  "Ahmadi",
  "Nowak",
  "Haddad",
  "Yilmaz",
  "Popescu",
  "Osei",
  "Karimi",
  "Petrenko",
  "Mensah",
  "Al-Hassan",
  "Kovač",
  "Rahimi",
  "Tesfaye",
  "Ivanova",
  "Demir",
  "Sadiq",
  "Bakr",
  "Horvat",
  "Jaber",
  "Mahmoud",
];
const firstNames = [
  "Amina",
  "Dawit",
  "Leyla",
  "Omar",
  "Irina",
  "Kwame",
  "Farah",
  "Taras",
  "Ama",
  "Yusuf",
  "Mila",
  "Reza",
  "Selam",
  "Olga",
  "Emre",
  "Zainab",
  "Karim",
  "Ana",
  "Nour",
  "Samir",
];
const problems: Record<(typeof lifeAreas)[number], string[]> = {
  legal_status: ["Aufenthaltserlaubnis läuft in drei Monaten aus", "Duldung, Passbeschaffung ungeklärt"],
  education_work: ["Abschluss aus dem Herkunftsland nicht anerkannt", "Sprachkurs B1 abgebrochen"],
  family: ["Familiennachzug der Kinder offen", "Konflikte mit dem Ex-Partner"],
  finances: ["Mietschulden", "Leistungsbescheid unverständlich, Rückforderung"],
  health: ["Psychische Belastung nach der Flucht", "Kein Hausarzt"],
  migration: ["Wenig Kontakte außerhalb der Community", "Rassismuserfahrungen bei der Wohnungssuche"],
  social: ["Kaum Tagesstruktur", "Kein Kontakt zu Vereinen"],
  housing: ["Wohnung zu klein für fünf Personen", "Drohende Kündigung"],
};
const goalTitles: Record<(typeof lifeAreas)[number], string> = {
  legal_status: "Der Aufenthalt ist für drei Jahre gesichert",
  education_work: "Ein Sprachkurs B1 ist abgeschlossen",
  family: "Die Kinder haben einen Kita-Platz",
  finances: "Ein Schuldenplan ist vereinbart",
  health: "Eine psychotherapeutische Behandlung hat begonnen",
  migration: "Regelmäßiger Kontakt zu einem Verein besteht",
  social: "Ein fester Wochenrhythmus ist gefunden",
  housing: "Eine bezahlbare Wohnung ist gefunden",
};
const missingOffers = [
  "Traumasensible Beratung in arabischer Sprache fehlt im Nordkreis",
  "Kein Sprachkurs mit Kinderbetreuung am Nachmittag",
  "Wohnungsvermittlung für große Familien fehlt",
];
const topics = [
  "Wohnungssuche besprochen",
  "Antrag beim Jobcenter vorbereitet",
  "Termin bei der Ausländerbehörde begleitet",
  "Anmeldung zum Sprachkurs",
  "Schuldnerberatung vermittelt",
  "Kita-Platz gesucht",
  "Anerkennungsberatung vorbereitet",
  "Krisengespräch",
];

function day(offsetDays: number): string {
  return addDays(todayInBerlin(), offsetDays);
}

type Stage = "screening" | "intake" | "active" | "not_admitted" | "closed";
const stages: Stage[] = [
  ...Array<Stage>(4).fill("screening"),
  ...Array<Stage>(5).fill("intake"),
  ...Array<Stage>(20).fill("active"),
  ...Array<Stage>(5).fill("not_admitted"),
  ...Array<Stage>(6).fill("closed"),
];

export async function actorFor(db: Database, username: string): Promise<Actor> {
  const [user] = await db.select().from(users).where(eq(users.username, username));
  const grants = await db
    .select({ role: roleAssignments.role, kommuneId: roleAssignments.kommuneId, bodyId: roleAssignments.bodyId })
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, user!.id));
  return { userId: user!.id, tenantId: user!.tenantId, displayName: user!.displayName, organisationId: user!.organisationId, grants };
}

/**
 * About 40 cases in every stage of the cycle for the demo case managers, created through the same
 * procedures the screens use, so policies, encryption and audit apply as in real use.
 */
export async function seedDemoCases(db: Database, caseManagerUsernames: string[]) {
  const managers = await Promise.all(caseManagerUsernames.map((username) => actorFor(db, username)));
  const tenantId = managers[0]!.tenantId;
  const kommuneRows = await db.select().from(kommunen).where(eq(kommunen.tenantId, tenantId));
  const organisationRows = await db.select().from(organisations).where(eq(organisations.tenantId, tenantId));
  const partnerIds = organisationRows
    .filter((o) => ["jobcenter", "auslaenderbehoerde", "jugendamt", "wohlfahrtsverband"].includes(o.kind))
    .map((o) => o.id);

  for (const [index, stage] of stages.entries()) {
    const manager = managers[index % managers.length]!;
    const caller = createCaller({ db, actor: manager, request: { address: "seed", userAgent: null } });
    const openedDaysAgo = 300 - index * 6;
    const area = lifeAreas[index % lifeAreas.length]!;
    const secondArea = lifeAreas[(index + 3) % lifeAreas.length]!;
    const identity = {
      lastName: lastNames[index % lastNames.length]!,
      firstName: firstNames[(index * 7) % firstNames.length]!,
      birthDate: `${1965 + (index % 35)}-${String((index % 12) + 1).padStart(2, "0")}-${String((index % 27) + 1).padStart(2, "0")}`,
      town: kommuneRows[index % kommuneRows.length]!.name,
    } as IdentityInput;
    const created = await caller.cases.create({
      accessChannel: index % 3 === 0 ? "walk_in" : index % 3 === 1 ? "screening_referral" : "baustein3",
      openedOn: day(-openedDaysAgo),
      kommuneId: kommuneRows[index % kommuneRows.length]!.id,
      identity,
      screening:
        index % 3 === 0 && stage !== "screening"
          ? null
          : {
              screenedOn: day(-openedDaysAgo),
              problemsByArea: { [area]: problems[area][index % 2]!, [secondArea]: problems[secondArea][(index + 1) % 2]! },
              verdict: stage === "screening" ? "more_information" : "yes",
            },
    });
    if (stage === "screening") continue;
    const caseId = created.id;
    const intakeDay = day(-openedDaysAgo + 7);
    if (stage === "intake") {
      await caller.cases.saveIntake({
        caseId,
        conductedOn: intakeDay,
        criteria: ["multidimensional_needs"],
        decision: "crisis_first",
        reason: "Akute Wohnungsnot, zuerst Notunterkunft",
      });
      continue;
    }
    if (stage === "not_admitted") {
      await caller.cases.saveIntake({
        caseId,
        conductedOn: intakeDay,
        criteria: [],
        decision: index % 2 ? "referral_counselling" : "jobcenter_case_management",
        reason: index % 2 ? "Einzelanliegen, an die Migrationsberatung verwiesen" : "Bereits im Fallmanagement des Jobcenters",
      });
      continue;
    }
    await caller.cases.addConsent({ caseId, kind: "processing", grantedOn: intakeDay });
    await caller.cases.addConsent({
      caseId,
      kind: "confidentiality_release",
      organisationIds: partnerIds.filter((_, i) => (i + index) % 2 === 0).slice(0, 3),
      grantedOn: intakeDay,
    });
    await caller.cases.saveIntake({
      caseId,
      conductedOn: intakeDay,
      criteria: indicationCriteria.filter((_, i) => (i + index) % 2 === 0),
      decision: "admission",
      reason: "Hilfebedarf in mehreren Lebensbereichen, mehrere Stellen beteiligt",
    });
    // Some active cases have had no contact for months, so the reminders have something to show.
    const contactCount = stage === "active" && index % 7 === 0 ? 1 : 3 + (index % 4);
    for (let c = 0; c < contactCount; c++) {
      const contactDaysAgo = index % 7 === 0 ? openedDaysAgo - 10 : Math.max(2, openedDaysAgo - 14 - c * 25);
      await caller.cases.addContact({
        caseId,
        contactOn: day(-contactDaysAgo),
        channel: contactChannels[(index + c) % contactChannels.length]!,
        durationMinutes: 30 + ((index + c) % 4) * 15,
        topic: topics[(index + c) % topics.length]!,
        lifeAreas: [area],
      });
    }
    // Assessments in two life areas, re-assessed later in some cases, so the comparison has data.
    for (const assessedArea of [area, secondArea]) {
      const ratings = (offset: number) =>
        Object.fromEntries(
          scaleItems[assessedArea].map((item, i) => [item, { rating: Math.min(10, 2 + ((index + i + offset) % 5) + offset), remark: "" }]),
        );
      await caller.cases.assessments.save({
        caseId,
        lifeArea: assessedArea,
        isReassessment: false,
        assessedOn: day(-openedDaysAgo + 14),
        participants: "Klient*in, Case Management",
        answers: {},
        resources: "Hohe Motivation, gute Kontakte in der Nachbarschaft",
        wishes: "Mehr Sicherheit für die Familie",
        residenceStatus: assessedArea === "legal_status" ? "residence_permit" : null,
        scales: ratings(0),
      });
      if (index % 3 === 0 && openedDaysAgo > 90) {
        await caller.cases.assessments.save({
          caseId,
          lifeArea: assessedArea,
          isReassessment: true,
          assessedOn: day(-openedDaysAgo + 80),
          participants: "Klient*in, Case Management",
          answers: {},
          resources: "",
          wishes: "",
          residenceStatus: assessedArea === "legal_status" ? "settlement_permit" : null,
          scales: ratings(2),
        });
      }
    }
    const agreedOn = day(-openedDaysAgo + 21);
    await caller.cases.plans.saveAgreement({
      caseId,
      agreedOn,
      nextReviewOn: day(stage === "active" ? 3 + (index % 40) : -openedDaysAgo + 90),
      participants: "Klient*in, Case Management",
      isAgreed: true,
      goals: [
        {
          priority: 1,
          lifeArea: area,
          title: goalTitles[area],
          dueOn: day(-openedDaysAgo + 200),
          measurable: "Nachweis liegt vor",
          steps: [{ action: "Unterlagen zusammenstellen", responsible: "Klient*in", dueOn: null }],
          nextStep: "Termin vereinbaren",
        },
        { priority: 2, lifeArea: secondArea, title: goalTitles[secondArea], dueOn: day(-openedDaysAgo + 240) },
      ],
    });
    if (index % 5 === 0) {
      await caller.cases.plans.saveMeasure({
        caseId,
        goalId: null,
        task: "Passendes Angebot fehlt in der Nähe",
        isMissingOffer: true,
        missingOfferDescription: missingOffers[index % missingOffers.length]!,
        missingOfferLifeArea: area,
      });
    }
    if (index % 4 === 0) {
      await caller.cases.addInterimReview({
        caseId,
        reviewedOn: day(-Math.max(1, openedDaysAgo - 60)),
        topic: "Halbjahresrückblick",
        situationChange: situationChanges[index % 4]!,
        attainmentByArea: { housing: "partly", help_use: "fully" },
      });
    }
    if (stage === "closed") {
      const closingType = closingTypes[index % closingTypes.length]!;
      await caller.cases.close({
        caseId,
        closedOn: day(-Math.max(1, openedDaysAgo - 120)),
        closingType,
        handedOverTo: closingType === "agreed_handed_over" ? "Migrationsberatung für Erwachsene" : "",
        otherReason: closingType === "other" ? "Person hat eine Ausbildung außerhalb des Kreises begonnen" : "",
        situationChange: situationChanges[index % 3]!,
        attainmentByArea: { housing: "fully", finances: "partly", help_use: "fully" },
        reflection: "Die enge Abstimmung mit dem Jobcenter war entscheidend.",
      });
    }
  }
}
