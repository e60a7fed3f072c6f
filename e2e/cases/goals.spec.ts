import { expect, test, type Page } from "@playwright/test";
import { demoUsers, expectAccessible, signIn } from "../fixtures";
import { addDays, todayInBerlin } from "../../server/schemas/calendar-days";

const person = { lastName: "Rahimi", firstName: "Soraya", birthDate: "1987-09-23" };
const isoDay = (offsetDays = 0) => addDays(todayInBerlin(), offsetDays);

/** Calls a tRPC procedure from the signed-in page, as the browser's own client would (same origin, JSON). */
async function callProcedure<T>(page: Page, path: string, input: unknown): Promise<T> {
  const response = await page.evaluate(
    async ({ path, input }) => {
      const res = await fetch(`/api/trpc/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: input }),
      });
      return { status: res.status, body: await res.json() };
    },
    { path, input },
  );
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.result.data.json as T;
}

test("a case manager agrees goals, plans help, reports a missing offer, refers within consent and prints the agreement", async ({
  page,
}) => {
  await signIn(page, demoUsers.case_manager.username);

  // Set-up through the API: a case in Beispielstadt and a Schweigepflichtentbindung naming Caritas only.
  const kommunen = await callProcedure<{ id: string; name: string }[]>(page, "tenancy.listKommunen", undefined);
  const organisations = await callProcedure<{ id: string; name: string }[]>(page, "tenancy.listOrganisations", undefined);
  const caritas = organisations.find((o) => o.name === "Caritasverband Kreis Beispiel")!;
  const created = await callProcedure<{ id: string; pseudonym: string }>(page, "cases.create", {
    accessChannel: "walk_in",
    kommuneId: kommunen.find((k) => k.name === "Beispielstadt")!.id,
    identity: person,
  });
  await callProcedure(page, "cases.addConsent", { caseId: created.id, kind: "processing", grantedOn: isoDay(-1) });
  await callProcedure(page, "cases.addConsent", {
    caseId: created.id,
    kind: "confidentiality_release",
    organisationIds: [caritas.id],
    grantedOn: isoDay(-1),
  });

  await page.goto(`/cases/${created.id}/goals`);
  await expect(page.getByRole("heading", { level: 1, name: "Ziele und Hilfeplan" })).toBeVisible();
  await expectAccessible(page);

  // The goal agreement: a review date before the agreement and an empty first goal are refused at the fields.
  const agreement = page.locator("form", { has: page.getByRole("heading", { name: "Neue Zielvereinbarung" }) });
  const goal1 = agreement.getByRole("group", { name: "Ziel 1 (am wichtigsten)" });
  const goal2 = agreement.getByRole("group", { name: "Ziel 2" });
  await agreement.getByLabel("Datum der Vereinbarung").fill(isoDay(0));
  await agreement.getByLabel("Nächste Fortschreibung bzw. Zielüberprüfung spätestens am").fill(isoDay(-7));
  await agreement.getByRole("button", { name: "Zielvereinbarung speichern" }).click();
  await expect(goal1.getByLabel("Ziel: Was soll erreicht werden?")).toHaveAttribute("aria-invalid", "true");
  await expect(goal1.getByLabel("Ziel: Was soll erreicht werden?")).toBeFocused();
  await expect(goal1.getByText("Bitte tragen Sie mindestens das wichtigste Ziel ein.")).toBeVisible();
  await expect(agreement.getByText("Bitte wählen Sie Ja oder Nein.")).toBeVisible();
  await expectAccessible(page);

  await goal1.getByLabel("Ziel: Was soll erreicht werden?").fill("Eine eigene Wohnung ist gefunden");
  await goal1.getByLabel("Lebensbereich").selectOption({ label: "Wohnsituation" });
  await goal1.getByLabel("Bis wann soll das Ziel erreicht sein?").fill(isoDay(180));
  await goal1.getByLabel("Woran ist zu erkennen, dass das Ziel erreicht ist?").fill("Mietvertrag unterschrieben");
  await goal1.getByRole("button", { name: "Teilziel oder Aktivität zu Ziel 1 hinzufügen" }).click();
  await expect(goal1.getByLabel("Teilziel / Aktivität 1")).toBeFocused();
  await page.keyboard.type("Wohnberechtigungsschein beantragen");
  await goal1.getByLabel("Zuständig für Teilziel 1").fill("Case Management mit Klientin");
  await goal1.getByLabel("Der nächste Schritt: Was wird als Nächstes angegangen?").fill("Antrag gemeinsam ausfüllen");
  await goal2.getByLabel("Ziel: Was soll erreicht werden?").fill("Sprachkurs B1 begonnen");
  await goal2.getByLabel("Bis wann soll das Ziel erreicht sein?").fill(isoDay(90));
  await agreement.getByRole("radio", { name: "Nein" }).check();
  await agreement.getByRole("button", { name: "Zielvereinbarung speichern" }).click();
  await expect(agreement.getByText("Die nächste Überprüfung kann nicht vor dem Datum der Vereinbarung liegen.")).toBeVisible();
  await expect(agreement.getByText("Bitte beschreiben Sie die Abweichungen, wenn keine Einigkeit besteht.")).toBeVisible();

  await agreement.getByLabel("Nächste Fortschreibung bzw. Zielüberprüfung spätestens am").fill(isoDay(60));
  await agreement.getByLabel("Abweichungen").fill("Die Klientin möchte den Sprachkurs vorziehen.");
  await agreement.getByRole("button", { name: "Zielvereinbarung speichern" }).click();
  await expect(page.getByText(/^Die Zielvereinbarung wurde gespeichert\. Nächste Überprüfung spätestens am/)).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Zielvereinbarung vom .* bearbeiten$/ })).toBeVisible();
  await expectAccessible(page);

  // Help plan: a measure with a provider, then a missing offer (first without its description).
  const measureForm = page.locator("form", { has: page.getByRole("heading", { name: "Maßnahme hinzufügen" }) });
  await measureForm.getByLabel("Zu welchem Ziel?").selectOption({ label: "Ziel 1: Eine eigene Wohnung ist gefunden" });
  await measureForm.getByLabel("Aufgabe / Maßnahme").fill("Wohnungssuche begleiten");
  await measureForm.getByLabel("Anbieter").selectOption({ label: "Caritasverband Kreis Beispiel" });
  await measureForm.getByLabel("Rolle").fill("Begleitung zu Besichtigungen");
  await measureForm.getByLabel("Verantwortlich").fill("Fachdienst Wohnen");
  await measureForm.getByLabel("Zeitrahmen").fill("drei Monate");
  await measureForm.getByRole("button", { name: "Maßnahme speichern" }).click();
  await expect(page.getByText("Die Maßnahme wurde gespeichert.")).toBeVisible();
  await expect(page.getByRole("cell", { name: "Wohnungssuche begleiten", exact: true })).toBeVisible();

  await measureForm.getByLabel("Zu welchem Ziel?").selectOption({ label: "Ziel 2: Sprachkurs B1 begonnen" });
  await measureForm.getByLabel("Aufgabe / Maßnahme").fill("Kinderbetreuung während des Kurses selbst organisieren");
  await measureForm.getByRole("checkbox", { name: "Angebot fehlt" }).check();
  await measureForm.getByRole("button", { name: "Maßnahme speichern" }).click();
  await expect(measureForm.getByText("Bitte beschreiben Sie das fehlende Angebot.")).toBeVisible();
  await expect(measureForm.getByLabel("Beschreibung des fehlenden Angebots")).toBeFocused();
  await measureForm.getByLabel("Beschreibung des fehlenden Angebots").fill("Sprachkurs mit Kinderbetreuung am Nachmittag");
  await measureForm.getByLabel("Lebensbereich des fehlenden Angebots").selectOption({ label: "Bildung / Sprache / Ausbildung / Arbeit" });
  await measureForm.getByRole("button", { name: "Maßnahme speichern" }).click();
  await expect(page.getByText("Die Maßnahme wurde gespeichert; das fehlende Angebot ist an die Koordination gemeldet.")).toBeVisible();
  await expect(
    page.getByText("Fehlendes Angebot gemeldet (Bildung / Sprache / Ausbildung / Arbeit): Sprachkurs mit Kinderbetreuung am Nachmittag"),
  ).toBeVisible();
  await expectAccessible(page);

  // Linking: refused without a Schweigepflichtentbindung, accepted with one.
  const referralForm = page.locator("form", { has: page.getByRole("heading", { name: "Neue Vermittlung" }) });
  await expect(referralForm.getByText("Für eine Organisation liegt eine gültige Schweigepflichtentbindung vor.")).toBeVisible();
  await referralForm.getByLabel("Organisation").selectOption({ label: "AWO Kreisverband Beispiel" });
  await referralForm.getByLabel("Rolle des Case Managements").selectOption({ label: "Vermittelnd" });
  await referralForm.getByLabel("Form der Zusammenarbeit").selectOption({ label: "Warme Übergabe (gemeinsames Gespräch)" });
  await referralForm.getByRole("button", { name: "Vermittlung erfassen" }).click();
  await expect(
    referralForm.getByText(/^Vermittlung nicht möglich: Für diese Organisation liegt keine gültige Schweigepflichtentbindung vor\./),
  ).toBeVisible();
  await expect(referralForm.getByLabel("Organisation")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  await referralForm.getByLabel("Organisation").selectOption({ label: "Caritasverband Kreis Beispiel" });
  await referralForm.getByLabel("Zu Maßnahme").selectOption({ label: "Wohnungssuche begleiten" });
  await referralForm.getByLabel("Notiz").fill("Gemeinsamer Termin in der Beratungsstelle");
  await referralForm.getByRole("button", { name: "Vermittlung erfassen" }).click();
  await expect(page.getByText("Die Vermittlung wurde erfasst.")).toBeVisible();
  const referralRow = page.getByRole("row", { name: /Caritasverband Kreis Beispiel.*Gemeinsamer Termin/ });
  // Cells by position: the row's status select lists every state.
  await expect(referralRow.getByRole("cell").nth(1)).toHaveText("Geplant");
  await expect(referralRow.getByRole("cell").nth(6)).toHaveText("liegt vor");
  await referralRow.getByLabel("Neuer Stand für Caritasverband Kreis Beispiel").selectOption({ label: "Zugesagt" });
  await referralRow.getByRole("button", { name: "Stand speichern Caritasverband Kreis Beispiel" }).click();
  await expect(page.getByText("Der Stand der Vermittlung an Caritasverband Kreis Beispiel wurde gespeichert.")).toBeVisible();
  await expect(referralRow.getByRole("cell").nth(1)).toHaveText("Zugesagt");

  // Review of attainment.
  await page.getByRole("radio", { name: "teilweise" }).first().check();
  await page.getByRole("button", { name: "Überprüfung speichern" }).click();
  await expect(page.getByText("Bitte wählen Sie einen Erreichungsgrad.")).toBeVisible();
  await page
    .getByRole("group", { name: /^Erreichungsgrad von Ziel 2/ })
    .getByRole("radio", { name: "kaum" })
    .check();
  await page.getByRole("button", { name: "Überprüfung speichern" }).click();
  await expect(page.getByText("Die Überprüfung wurde gespeichert.")).toBeVisible();
  await expectAccessible(page);

  // The printable Zielerreichungsbogen: pseudonym, goals, signature lines; never the name.
  await page.getByRole("link", { name: "Druckansicht zur Unterschrift" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Zielerreichungsbogen" })).toBeVisible();
  const sheet = page.locator("article");
  await expect(sheet).toContainText(created.pseudonym);
  await expect(sheet).toContainText("Eine eigene Wohnung ist gefunden");
  await expect(sheet).toContainText("Wohnberechtigungsschein beantragen");
  await expect(sheet).toContainText("Unterschrift Ratsuchende Person");
  await expect(sheet).toContainText("Unterschrift Case Managerin / Case Manager");
  await expect(sheet).toContainText("Ort, Datum");
  await expect(page.locator("body")).not.toContainText(person.lastName);
  await expect(page.locator("body")).not.toContainText(person.birthDate);
  await expectAccessible(page);

  await page.evaluate(() => {
    (window as unknown as { printCalls: number }).printCalls = 0;
    window.print = () => {
      (window as unknown as { printCalls: number }).printCalls += 1;
    };
  });
  await page.getByRole("button", { name: "Drucken / als PDF speichern" }).click();
  expect(await page.evaluate(() => (window as unknown as { printCalls: number }).printCalls)).toBe(1);

  // On paper: no navigation, no buttons.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Hauptnavigation" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Bereiche des Falls" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Drucken / als PDF speichern" })).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: "Zielerreichungsbogen" })).toBeVisible();
});
