import { expect, test } from "@playwright/test";
import { createOwnCase, demoUsers, expectAccessible, signIn } from "../fixtures";

test("an unfinished form survives closing the page and can be discarded", async ({ page }) => {
  await signIn(page, demoUsers.case_manager.username);
  const ownCase = await createOwnCase(page);
  await page.goto(`/cases/${ownCase.id}`);
  await page.getByRole("navigation", { name: "Bereiche des Falls" }).getByRole("link", { name: "Falldarstellung" }).click();
  await page.getByLabel("Titel").fill("Entwurf einer Falldarstellung");
  await page.getByLabel("Darstellung", { exact: true }).fill("Noch unfertiger Text über die Wohnsituation.");
  await expect(page.getByText(/^Entwurf gespeichert/)).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Darstellung", { exact: true })).toHaveValue("Noch unfertiger Text über die Wohnsituation.");
  await expect(page.getByText(/^Ungespeicherter Entwurf vom .* wiederhergestellt\./)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Entwurf verwerfen" }).click();
  await page.reload();
  await expect(page.getByLabel("Darstellung", { exact: true })).not.toHaveValue("Noch unfertiger Text über die Wohnsituation.");
});
