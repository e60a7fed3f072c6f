import { expect, test } from "@playwright/test";
import { demoUsers, signIn } from "../fixtures";

test("people on the start page see each other live, and leaving is seen too", async ({ browser }) => {
  const coordinatorContext = await browser.newContext();
  const caseManagerContext = await browser.newContext();
  const coordinator = await coordinatorContext.newPage();
  const caseManager = await caseManagerContext.newPage();

  await signIn(coordinator, demoUsers.coordinator.username);
  const coordinatorList = coordinator.getByTestId("presence-list");
  await expect(coordinatorList).toContainText("Kim Koordination");

  await signIn(caseManager, demoUsers.case_manager.username);
  await expect(caseManager.getByTestId("presence-list")).toContainText("Kim Koordination");
  await expect(coordinatorList).toContainText("Chris Casemanagement");

  await caseManagerContext.close();
  await expect(coordinatorList).not.toContainText("Chris Casemanagement");
  await coordinatorContext.close();
});
