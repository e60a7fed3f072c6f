import { expect, test, type Page } from "@playwright/test";
import { demoUsers, expectAccessible, signIn } from "../fixtures";
import { addDays, todayInBerlin } from "../../server/schemas/calendar-days";

const isoDay = (offsetDays = 0) => addDays(todayInBerlin(), offsetDays);
const reason = "Akute Gefährdung, die Schuldnerberatung muss heute noch eingebunden werden";

/** Calls a tRPC procedure from the signed-in page, as the browser's own client would (same origin, JSON). */
async function callProcedure(page: Page, path: string, input: unknown) {
  return page.evaluate(
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
}

/** A case whose Schweigepflichtentbindung names the Caritas only; returns the goals tab's referral form. */
async function caseCoveringCaritasOnly(page: Page, person: { lastName: string; firstName: string; birthDate: string }) {
  const organisations = (await callProcedure(page, "tenancy.listOrganisations", undefined)).body.result.data.json as {
    id: string;
    name: string;
  }[];
  const created = await callProcedure(page, "cases.create", { accessChannel: "walk_in", kommuneId: null, identity: person });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  const caseId = created.body.result.data.json.id as string;
  const caritas = organisations.find((o) => o.name === "Caritasverband Kreis Beispiel")!;
  await callProcedure(page, "cases.addConsent", {
    caseId,
    kind: "confidentiality_release",
    organisationIds: [caritas.id],
    grantedOn: isoDay(-1),
  });
  await page.goto(`/cases/${caseId}/goals`);
  await expect(page.getByRole("heading", { level: 1, name: "Ziele und Hilfeplan" })).toBeVisible();
  return { caseId, organisations, form: page.locator("form", { has: page.getByRole("heading", { name: "Neue Vermittlung" }) }) };
}

test("a separately granted Notfallfreigabe refers without consent only with a reason, and the audit log shows it without the reason's text", async ({
  page,
  browser,
}) => {
  // The admin grants the role: a case manager who also holds the Notfallfreigabe.
  await signIn(page, demoUsers.admin.username);
  await page.goto("/admin/users");
  const userForm = page.locator("form", { has: page.getByRole("heading", { name: "Benutzerkonto anlegen" }) });
  await userForm.getByLabel("Benutzername").fill("notfall.cm");
  await userForm.getByLabel("Anzeigename").fill("Nina Notfall");
  await userForm.getByLabel("Erstes Passwort").fill("Notfallfreigabe im Kreis 2026");
  await userForm.getByLabel("Rolle 1").selectOption({ label: "Case Management" });
  await userForm.getByRole("button", { name: "Rolle hinzufügen" }).click();
  await userForm.getByLabel("Rolle 2").selectOption({ label: "Notfallfreigabe" });
  await expectAccessible(page);
  await userForm.getByRole("button", { name: "Anlegen" }).click();
  await expect(userForm.getByRole("status")).toHaveText("„Nina Notfall“ wurde angelegt.");

  const context = await browser.newContext();
  const nina = await context.newPage();
  await signIn(nina, "notfall.cm", "Notfallfreigabe im Kreis 2026");
  const { form } = await caseCoveringCaritasOnly(nina, { lastName: "Brandt", firstName: "Ilse", birthDate: "1968-04-02" });
  await expectAccessible(nina);

  await form.getByLabel("Organisation").selectOption({ label: "AWO Kreisverband Beispiel" });
  await form.getByLabel("Rolle des Case Managements").selectOption({ label: "Anwaltlich" });
  await form.getByLabel("Form der Zusammenarbeit").selectOption({ label: "Warme Übergabe (gemeinsames Gespräch)" });
  await form.getByRole("checkbox", { name: "Notfallfreigabe: ohne Schweigepflichtentbindung vermitteln" }).check();

  // Without a reason the break-glass does not open: the consent rule holds.
  await form.getByRole("button", { name: "Vermittlung erfassen" }).click();
  await expect(
    form.getByText(/^Vermittlung nicht möglich: Für diese Organisation liegt keine gültige Schweigepflichtentbindung vor\./),
  ).toBeVisible();
  // A token reason is refused at its field.
  const reasonField = form.getByLabel("Begründung der Notfallfreigabe (wird protokolliert)");
  await reasonField.fill("Eilt sehr");
  await form.getByRole("button", { name: "Vermittlung erfassen" }).click();
  await expect(form.getByText("Bitte begründen Sie die Notfallfreigabe in mindestens 20 Zeichen.")).toBeVisible();
  await expect(reasonField).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(nina);

  await reasonField.fill(reason);
  await form.getByRole("button", { name: "Vermittlung erfassen" }).click();
  await expect(nina.getByText("Die Vermittlung wurde erfasst.")).toBeVisible();
  const row = nina.getByRole("row", { name: /AWO Kreisverband Beispiel/ });
  await expect(row.getByRole("cell").nth(6)).toHaveText("Notfallfreigabe");
  await expectAccessible(nina);
  await context.close();

  // The audit log names the override and who made it. The reason stays with the referral, which is
  // erased with the case; the append-only log, which outlives it, holds no free text of the case.
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Protokoll" }).click();
  await page.getByLabel("Aktion").selectOption({ label: "Notfallfreigabe: Vermittlung ohne Schweigepflichtentbindung" });
  const event = page
    .getByRole("row")
    .filter({ hasText: "Nina Notfall" })
    .filter({ hasText: "Notfallfreigabe: Vermittlung ohne Schweigepflichtentbindung" });
  await expect(event).toHaveCount(1);
  await expect(event).toContainText(`"reasonLength":${reason.length}`);
  await expect(event).not.toContainText(reason);
  await expectAccessible(page);
});

test("a case manager without the Notfallfreigabe cannot refer outside the consent, in the form or by a crafted call", async ({ page }) => {
  await signIn(page, demoUsers.case_manager.username);
  const { caseId, organisations, form } = await caseCoveringCaritasOnly(page, {
    lastName: "Keller",
    firstName: "Jonas",
    birthDate: "1994-12-01",
  });
  await expect(form.getByRole("checkbox", { name: /^Notfallfreigabe/ })).toHaveCount(0);

  await form.getByLabel("Organisation").selectOption({ label: "AWO Kreisverband Beispiel" });
  await form.getByLabel("Rolle des Case Managements").selectOption({ label: "Anwaltlich" });
  await form.getByLabel("Form der Zusammenarbeit").selectOption({ label: "Warme Übergabe (gemeinsames Gespräch)" });
  await form.getByRole("button", { name: "Vermittlung erfassen" }).click();
  await expect(
    form.getByText(/^Vermittlung nicht möglich: Für diese Organisation liegt keine gültige Schweigepflichtentbindung vor\./),
  ).toBeVisible();
  await expect(form.getByLabel("Organisation")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  const awo = organisations.find((o) => o.name === "AWO Kreisverband Beispiel")!;
  const crafted = await callProcedure(page, "cases.plans.createReferral", {
    caseId,
    organisationId: awo.id,
    cmRole: "advocacy",
    mode: "warm_handover",
    referredOn: isoDay(0),
    consentOverrideReason: reason,
  });
  expect(crafted.status).toBe(403);
  expect(crafted.body.error.json.message).toBe("Für eine Notfallfreigabe fehlt Ihnen die Berechtigung.");
  await page.reload();
  await expect(page.getByRole("row", { name: /AWO Kreisverband Beispiel/ })).toHaveCount(0);
});
