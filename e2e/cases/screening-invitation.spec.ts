import { expect, test } from "@playwright/test";
import { demoUsers, expectAccessible, signIn } from "../fixtures";

const person = { lastName: "Okonkwo-Brandt", firstName: "Amara", birthDate: "1988-02-11" };
const note = "E2E-Übergabe Sprechstunde";
const consentLabel = "Die ratsuchende Person hat der Weitergabe dieser Angaben an das Kommunale Integrationsmanagement zugestimmt.";
const refusal = "Dieser Link ist ungültig, abgelaufen oder wurde bereits verwendet.";

test("a case manager invites a network partner, who refers a person once through the link without an account", async ({
  page,
  browser,
  baseURL,
}) => {
  await signIn(page, demoUsers.case_manager.username);
  await page.goto("/cases");
  const invitations = page.getByRole("region", { name: "Screening durch Netzwerkpartner" });
  await invitations.getByLabel("Überweisende Organisation").selectOption({ label: "Jobcenter Kreis Beispiel" });
  await invitations.getByLabel("Kommune").selectOption({ label: "Nordheim" });
  await invitations.getByLabel(/^Notiz/).fill(note);
  await invitations.getByLabel("Gültigkeit in Tagen").fill("7");
  await invitations.getByRole("button", { name: "Einladungslink erstellen" }).click();
  await expect(invitations.getByRole("status").filter({ hasText: "Der Einladungslink wurde erstellt." })).toBeVisible();
  const link = await invitations.getByLabel("Einladungslink", { exact: true }).inputValue();
  expect(link).toMatch(new RegExp(`^${baseURL}/screening/[A-Za-z0-9_-]{43}$`));
  await expect(invitations.getByText(/^Gültig bis .+\.$/)).toBeVisible();
  await expect(invitations.getByRole("row", { name: new RegExp(note) })).toContainText("Offen");
  await expectAccessible(page);

  // The network partner: a fresh browser without any session.
  const partner = await browser.newContext();
  const form = await partner.newPage();
  const response = await form.goto(link);
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  await expect(form.getByRole("heading", { level: 1, name: "Screening für das Kommunale Integrationsmanagement" })).toBeVisible();
  await expect(form.getByText(/Kreis Beispiel hat Jobcenter Kreis Beispiel eingeladen/)).toBeVisible();
  await expect(form.getByText(/Der Link ist gültig bis .+ und kann nur einmal verwendet werden\./)).toBeVisible();
  await expect(form.getByRole("button", { name: "Abmelden" })).toHaveCount(0);
  await expectAccessible(form);

  await form.getByLabel("Name", { exact: true }).fill(person.lastName);
  await form.getByLabel("Vorname").fill(person.firstName);
  await form.getByLabel("Geburtsdatum").fill(person.birthDate);
  await form.getByLabel("Wohnsituation").fill("Räumungsklage angekündigt");
  await form.getByLabel("Vordringliches Anliegen").fill("Wohnung sichern");
  await form.getByRole("radio", { name: "Ja" }).check();
  await form.getByLabel("Ihr Name").fill("Frau Jobcenter-Fachkraft");
  await form.getByLabel("Telefon oder E-Mail").fill("05241 98765");

  // Without the person's consent nothing is sent: a German message at the checkbox.
  await form.getByRole("button", { name: "Screening übermitteln" }).click();
  const consent = form.getByRole("checkbox", { name: consentLabel });
  await expect(consent).toHaveAccessibleDescription("Bitte bestätigen Sie, dass die ratsuchende Person der Weitergabe zugestimmt hat.");
  await expect(consent).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByRole("alert").filter({ hasText: "Bitte prüfen Sie die markierten Felder." })).toBeVisible();
  await expect(form.locator(".field-error")).toHaveCount(1);
  await expectAccessible(form);

  await consent.check();
  await form.getByRole("button", { name: "Screening übermitteln" }).click();
  await expect(form.getByRole("heading", { name: "Vielen Dank" })).toBeFocused();
  await expect(form.getByText(/Die Angaben wurden an das Kommunale Integrationsmanagement übermittelt\./)).toBeVisible();
  await expect(form.locator("body")).not.toContainText(/[A-Z]{1,4}-\d{4}-\d{4}/);
  await expect(form.locator("body")).not.toContainText(demoUsers.case_manager.displayName);

  // The link works once: afterwards it looks like any invalid link.
  await form.goto(link);
  await expect(form.getByText(refusal)).toBeVisible();
  await expect(form.getByRole("button", { name: "Screening übermitteln" })).toHaveCount(0);
  await expectAccessible(form);
  await partner.close();

  // The case manager sees the link as used and opens the new case, which is theirs.
  await page.reload();
  const row = invitations.getByRole("row", { name: new RegExp(note) });
  await expect(row).toContainText("Verwendet");
  await expect(row.getByRole("button", { name: /Widerrufen/ })).toHaveCount(0);
  await expectAccessible(page);
  const caseLink = row.getByRole("link", { name: /^Fall .+ öffnen$/ });
  const pseudonym = (await caseLink.textContent())!;
  await caseLink.click();
  await expect(page.getByRole("heading", { level: 1, name: `Fall ${pseudonym}` })).toBeVisible();
  await page.getByRole("link", { name: "Aktendeckblatt" }).click();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(person.lastName);
  await expect(page.getByLabel("Vorname")).toHaveValue(person.firstName);
});
