import { randomUUID } from "node:crypto";
import { NextIntlClientProvider } from "next-intl";
import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import type { Actor } from "@/server/auth/policy";
import { messages } from "@/server/i18n/messages";
import { createWorkPackageSchema, reportWorkPackageSchema } from "@/server/schemas/work-packages";
import { createTestDatabase } from "@/server/test/database";
import { callerFor, createActor, createTenant } from "@/server/test/factories";
import { asClientError, browserMessages, serverMessages } from "../forms/form-test-helpers";
import { TRPCReactProvider } from "../trpc/client";
import { CreateWorkPackageForm, emptyWorkPackage } from "./create-work-package-form";

type IntlProps = ComponentProps<typeof NextIntlClientProvider>;

function renderCreateForm() {
  const organisationId = "00000000-0000-4000-8000-00000000000a";
  const form = createElement(CreateWorkPackageForm, {
    conferenceId: randomUUID(),
    options: {
      cases: [],
      organisations: [{ id: organisationId, name: "Jobcenter Kreis Beispiel" }],
      users: [],
      cards: [{ id: randomUUID(), text: "Sprachkurs vermitteln", caseId: null }],
    },
  });
  // Children go as the third argument; the props types want them among the props.
  const intl: Omit<IntlProps, "children"> = { locale: "de", messages, timeZone: "Europe/Berlin" };
  const withClient = createElement(TRPCReactProvider, {} as ComponentProps<typeof TRPCReactProvider>, form);
  return renderToStaticMarkup(createElement(NextIntlClientProvider, intl as IntlProps, withClient));
}

describe("the work package forms in the browser and on the server", () => {
  let handle: DatabaseHandle;
  let caseManager: Actor;

  beforeAll(async () => {
    handle = await createTestDatabase();
    const { tenant } = await createTenant(handle.db);
    caseManager = await createActor(handle.db, tenant.id, ["case_manager"]);
  });
  afterAll(() => handle.close());

  it("keeps every label of the create form, tied to its control by id", () => {
    const html = renderCreateForm();
    for (const [id, label] of [
      ["work-package-card", "Aus Karte „Arbeitspakete“ übernehmen"],
      ["work-package-task", "Aufgabe"],
      ["work-package-case", "Fall"],
      ["work-package-organisation", "Verantwortliche Organisation"],
      ["work-package-user", "Verantwortliche Person mit Zugang (optional)"],
      ["work-package-person", "Ansprechperson (Freitext)"],
      ["work-package-due", "Fällig am"],
    ]) {
      expect(html).toContain(`<label for="${id}">${label}</label>`);
      expect(html).toMatch(new RegExp(`<(input|select|textarea) [^>]*id="${id}"`));
    }
    expect(html).toContain("Jobcenter Kreis Beispiel</option>");
    expect(html).toContain('<button type="submit" class="button-primary">Arbeitspaket anlegen</button>');
  });

  it("marks a missing organisation and due date at their fields before sending, as the server does", async () => {
    // The task is typed, nothing else chosen: the empty optional choices (case, card, person) are no error.
    const values = { ...emptyWorkPackage(randomUUID()), task: "Sprachkurs vermitteln" };
    const inBrowser = await browserMessages(createWorkPackageSchema, values);
    expect(inBrowser).toEqual({
      responsibleOrganisationId: "Ungültige Auswahl.",
      dueDate: "Bitte geben Sie ein gültiges Fälligkeitsdatum ein.",
    });
    const error = await callerFor(handle.db, caseManager)
      .workPackages.create(values as never)
      .catch((e: unknown) => e);
    expect(serverMessages(asClientError(error))).toEqual(inBrowser);
  });

  it("words a too short task the same in the browser and on the server", async () => {
    const values = { ...emptyWorkPackage(randomUUID()), task: " ab ", responsibleOrganisationId: randomUUID(), dueDate: "2027-01-14" };
    const inBrowser = await browserMessages(createWorkPackageSchema, values);
    expect(inBrowser).toEqual({ task: "Bitte beschreiben Sie die Aufgabe mit mindestens 3 Zeichen." });
    const error = await callerFor(handle.db, caseManager)
      .workPackages.create(values as never)
      .catch((e: unknown) => e);
    expect(serverMessages(asClientError(error))).toEqual(inBrowser);
  });

  it("refuses a control character in a progress note at the note", async () => {
    const values = { workPackageId: randomUUID(), status: "in_progress", note: "Stand\u0007" };
    const inBrowser = await browserMessages(reportWorkPackageSchema, values);
    expect(inBrowser).toEqual({ note: "Bitte keine Steuerzeichen verwenden." });
    const error = await callerFor(handle.db, caseManager)
      .workPackages.report(values as never)
      .catch((e: unknown) => e);
    expect(serverMessages(asClientError(error))).toEqual(inBrowser);
  });
});
