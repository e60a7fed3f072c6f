import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import type { Actor } from "@/server/auth/policy";
import { addContactSchema, addInterimReviewSchema } from "@/server/schemas/cases";
import { createCase } from "@/server/test/case-factories";
import { createTestDatabase } from "@/server/test/database";
import { callerFor, createActor, createTenant } from "@/server/test/factories";
import { asClientError, browserCheck, serverMessages } from "../forms/form-test-helpers";
import { newContact, newInterimReview } from "./case-form-values";

const caseId = "00000000-0000-4000-8000-00000000c0de";

describe("case forms checked in the browser with the server's schemas", () => {
  let handle: DatabaseHandle;
  let cm: Actor;
  let activeCaseId: string;

  beforeAll(async () => {
    handle = await createTestDatabase();
    const { tenant, organisation } = await createTenant(handle.db);
    cm = await createActor(handle.db, tenant.id, ["case_manager"]);
    const created = await createCase(handle.db, { manager: cm, consentFor: [organisation.id] });
    const caller = callerFor(handle.db, cm);
    await caller.cases.addConsent({ caseId: created.id, kind: "processing", grantedOn: "2026-01-03" });
    await caller.cases.saveIntake({ caseId: created.id, conductedOn: "2026-01-03", decision: "admission" });
    activeCaseId = created.id;
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
});
