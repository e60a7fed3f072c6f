import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import type { Actor } from "@/server/auth/policy";
import {
  addConsentSchema,
  addContactSchema,
  addInterimReviewSchema,
  closeCaseSchema,
  saveIntakeSchema,
  saveScreeningSchema,
  saveSummarySchema,
} from "@/server/schemas/cases";
import { createCase } from "@/server/test/case-factories";
import { createTestDatabase } from "@/server/test/database";
import { callerFor, createActor, createTenant } from "@/server/test/factories";
import { asClientError, browserCheck, serverMessages } from "../forms/form-test-helpers";
import {
  authorityContactsFromDraft,
  closureInput,
  consentInput,
  intakeFormValues,
  newClosure,
  newConsent,
  newContact,
  newInterimReview,
  screeningFormValues,
  summaryFormValues,
} from "./case-form-values";
import { withoutEmptyProblems } from "./screening-fields";

const caseId = "00000000-0000-4000-8000-00000000c0de";

describe("case forms checked in the browser with the server's schemas", () => {
  let handle: DatabaseHandle;
  let cm: Actor;
  let activeCaseId: string;
  let openCaseId: string;
  let organisationId: string;

  beforeAll(async () => {
    handle = await createTestDatabase();
    const { tenant, organisation } = await createTenant(handle.db);
    cm = await createActor(handle.db, tenant.id, ["case_manager"]);
    const created = await createCase(handle.db, { manager: cm, consentFor: [organisation.id] });
    const caller = callerFor(handle.db, cm);
    await caller.cases.addConsent({ caseId: created.id, kind: "processing", grantedOn: "2026-01-03" });
    await caller.cases.saveIntake({ caseId: created.id, conductedOn: "2026-01-03", decision: "admission" });
    activeCaseId = created.id;
    openCaseId = (await createCase(handle.db, { manager: cm })).id;
    organisationId = organisation.id;
  });
  afterAll(() => handle.close());

  it("Kontaktbogen: an empty contact shows the server's messages at the same fields before sending", async () => {
    const { errors } = await browserCheck(addContactSchema, newContact(activeCaseId));
    expect(errors).toEqual({
      durationMinutes: "Die Dauer muss zwischen 1 und 600 Minuten liegen.",
      topic: "Bitte füllen Sie dieses Feld aus.",
    });
    const error = await callerFor(handle.db, cm)
      .cases.addContact(newContact(activeCaseId) as never)
      .catch((e: unknown) => e);
    expect(serverMessages(asClientError(error))).toEqual(errors);
  });

  it("Kontaktbogen: the filled form is what the server records", async () => {
    const filled = {
      ...newContact(activeCaseId),
      contactOn: "2026-02-01",
      durationMinutes: "45",
      topic: "Wohnung",
      lifeAreas: ["housing"],
    };
    const { errors, values } = await browserCheck(addContactSchema, filled);
    expect(errors).toEqual({});
    await callerFor(handle.db, cm).cases.addContact(values as never);
    const file = await callerFor(handle.db, cm).cases.monitoringFile({ caseId: activeCaseId });
    expect(file.contacts.map((c) => [c.contactOn, c.channel, c.kind, c.durationMinutes, c.topic, c.lifeAreas])).toEqual([
      ["2026-02-01", "in_person", "counselling", 45, "Wohnung", ["housing"]],
    ]);
  });

  it("Zwischenstand: no situation chosen is refused at the field, areas not worked on are left out", async () => {
    const opened = await browserCheck(addInterimReviewSchema, { ...newInterimReview(caseId), situationChange: null });
    expect(opened.errors).toEqual({ situationChange: "Bitte wählen Sie einen Eintrag aus der Liste." });

    const filled = {
      ...newInterimReview(activeCaseId),
      reviewedOn: "2026-02-02",
      situationChange: "improved",
      attainmentByArea: { ...newInterimReview(activeCaseId).attainmentByArea, housing: "partly" },
    };
    const { errors, values } = await browserCheck(addInterimReviewSchema, filled);
    expect(errors).toEqual({});
    // The server takes the form's values as sent, with the "not worked on" choices in them.
    await callerFor(handle.db, cm).cases.addInterimReview(filled as never);
    const file = await callerFor(handle.db, cm).cases.monitoringFile({ caseId: activeCaseId });
    expect(file.interimReviews.map((r) => [r.reviewedOn, r.situationChange, r.attainmentByArea])).toEqual([
      ["2026-02-02", "improved", { housing: "partly" }],
    ]);
    expect(values.attainmentByArea).toEqual({ housing: "partly" });
  });

  it("Screeningbogen: the saved screening comes back into the form and is saved again unchanged", async () => {
    const opened = screeningFormValues(openCaseId, null);
    const empty = await browserCheck(saveScreeningSchema, opened);
    expect(empty.errors).toEqual({ "screening.verdict": "Bitte wählen Sie einen Eintrag aus der Liste." });
    const error = await callerFor(handle.db, cm)
      .cases.saveScreening(opened as never)
      .catch((e: unknown) => e);
    expect(serverMessages(asClientError(error))).toEqual(empty.errors);

    const typed = { ...opened, screening: { ...opened.screening, screenedOn: "2026-01-02", verdict: "yes" } };
    typed.screening.problemsByArea = { ...typed.screening.problemsByArea, housing: "  Wohnung in Gefahr ", education_work: "   " };
    const { errors, values } = await browserCheck(saveScreeningSchema, typed);
    expect(errors).toEqual({});
    await callerFor(handle.db, cm).cases.saveScreening({ caseId: openCaseId, screening: withoutEmptyProblems(values.screening) });
    const { screening } = await callerFor(handle.db, cm).cases.intakeFile({ caseId: openCaseId });
    expect(screening?.problemsByArea).toEqual({ housing: "Wohnung in Gefahr" });
    expect(screeningFormValues(openCaseId, screening).screening?.problemsByArea).toMatchObject({
      housing: "Wohnung in Gefahr",
      education_work: "",
    });
  });

  it("Erstgespräch: no decision is refused at the field on both sides", async () => {
    const opened = intakeFormValues(openCaseId, null);
    const { errors } = await browserCheck(saveIntakeSchema, opened);
    expect(errors).toEqual({ decision: "Bitte wählen Sie einen Eintrag aus der Liste." });
    const error = await callerFor(handle.db, cm)
      .cases.saveIntake(opened as never)
      .catch((e: unknown) => e);
    expect(serverMessages(asClientError(error))).toEqual(errors);
  });

  it("Einwilligung: organisations count only for a Schweigepflichtentbindung", async () => {
    const release = { ...newConsent(openCaseId), kind: "confidentiality_release" as const };
    const { errors } = await browserCheck(addConsentSchema, consentInput(release));
    expect(errors).toEqual({ organisationIds: "Bitte wählen Sie mindestens eine Organisation." });
    const error = await callerFor(handle.db, cm)
      .cases.addConsent(consentInput(release) as never)
      .catch((e: unknown) => e);
    expect(serverMessages(asClientError(error))).toEqual(errors);

    // Boxes ticked for a release, then the kind switched back: the processing consent names no organisation.
    const switched = { ...newConsent(openCaseId), grantedOn: "2026-01-04", organisationIds: [organisationId] };
    const { values } = await browserCheck(addConsentSchema, consentInput(switched));
    await callerFor(handle.db, cm).cases.addConsent(values as never);
    const { consents } = await callerFor(handle.db, cm).cases.intakeFile({ caseId: openCaseId });
    expect(consents.map((c) => [c.kind, c.organisationIds])).toEqual([["processing", []]]);
  });

  it("Abschlussbogen: the closing type's own field is checked before sending, text typed for another type is not sent", async () => {
    const handedOver = {
      ...newClosure(activeCaseId),
      closedOn: "2026-03-01",
      closingType: "agreed_handed_over",
      situationChange: "improved",
    };
    const { errors } = await browserCheck(closeCaseSchema, closureInput(handedOver as never));
    expect(errors).toEqual({ handedOverTo: "Bitte geben Sie an, wer weiter betreut." });
    const error = await callerFor(handle.db, cm)
      .cases.close(closureInput(handedOver as never))
      .catch((e: unknown) => e);
    expect(serverMessages(asClientError(error))).toEqual(errors);

    // "Weiterbetreut durch" filled, then the type switched to "moved away": only the chosen type's data is recorded.
    const switched = { ...handedOver, handedOverTo: "Migrationsberatung", closingType: "moved_away" };
    const checked = await browserCheck(closeCaseSchema, closureInput(switched as never));
    expect(checked.errors).toEqual({});
    await callerFor(handle.db, cm).cases.close(checked.values as never);
    const { closure } = await callerFor(handle.db, cm).cases.monitoringFile({ caseId: activeCaseId });
    expect([closure?.closingType, closure?.handedOverTo, closure?.attainmentByArea]).toEqual(["moved_away", "", {}]);
  });

  it("Falldarstellung: the form sends a text per life area, and only the filled ones become sections", async () => {
    const opened = summaryFormValues(openCaseId, undefined);
    expect((await browserCheck(saveSummarySchema, opened)).errors).toEqual({
      title: "Bitte füllen Sie dieses Feld aus.",
      body: "Bitte füllen Sie dieses Feld aus.",
    });
    const typed = {
      ...opened,
      title: "Wohnungssuche",
      body: "Eine Familie sucht eine größere Wohnung.",
      sections: opened.sections.map((section) => ({ ...section, text: section.lifeArea === "housing" ? " Zu klein " : "  " })),
    };
    const { errors, values } = await browserCheck(saveSummarySchema, typed);
    expect(errors).toEqual({});
    expect(values.sections).toEqual([{ lifeArea: "housing", text: "Zu klein" }]);
    // The server takes the form's values as sent, empty areas included.
    await callerFor(handle.db, cm).cases.saveSummary(typed);
    const [latest] = await callerFor(handle.db, cm).cases.summaries({ caseId: openCaseId });
    expect(latest?.sections).toEqual([{ lifeArea: "housing", text: "Zu klein" }]);
    expect(summaryFormValues(openCaseId, latest).sections.find((section) => section.lifeArea === "housing")?.text).toBe("Zu klein");
  });

  it("Aktendeckblatt: a draft's authority rows come back in order, an unknown authority as 'other'", () => {
    const fields = {
      "identity.street": ["Kastanienweg 17"],
      "identity.authorityContacts.1.authority": ["no_such_office"],
      "identity.authorityContacts.1.fileNumber": ["AZ-2"],
      "identity.authorityContacts.0.authority": ["jobcenter"],
      "identity.authorityContacts.0.contactPerson": ["Frau Berg"],
    };
    expect(authorityContactsFromDraft(fields)).toEqual([
      { authority: "jobcenter", contactPerson: "Frau Berg", fileNumber: "" },
      { authority: "other", contactPerson: "", fileNumber: "AZ-2" },
    ]);
    expect(authorityContactsFromDraft({ "identity.street": ["Kastanienweg 17"] })).toEqual([]);
  });
});
