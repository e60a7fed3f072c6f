import type { FieldValues, ResolverOptions } from "react-hook-form";
import { describe, expect, it } from "vitest";
import type { Catalogue } from "@/server/i18n/catalogue";
import { messages } from "@/server/i18n/messages";
import { errorsByPath } from "../forms/use-zod-form";
import { type AgreementDraft, agreementFormPath, agreementResolver, draftOf, emptyGoal } from "./plan-agreement-draft";

const caseId = "00000000-0000-4000-8000-00000000c0de";
const options = { fields: {}, shouldUseNativeValidation: false } as ResolverOptions<FieldValues>;

async function check(draft: AgreementDraft) {
  const result = await agreementResolver(caseId, null, messages as Catalogue)(draft, undefined, options as never);
  return { errors: errorsByPath(result.errors), values: result.values };
}

describe("Zielvereinbarung checked in the browser with the procedure's schema", () => {
  it("refuses an agreement without goals at the first goal's title, in German", async () => {
    const { errors } = await check(draftOf(null));
    expect(errors).toEqual({
      "goals.0.title": "Bitte tragen Sie mindestens das wichtigste Ziel ein.",
      nextReviewOn: "Bitte geben Sie ein gültiges Datum ein.",
      isAgreed: "Bitte wählen Sie Ja oder Nein.",
    });
  });

  it("puts a goal's message at its own block, though only filled blocks are sent", async () => {
    const draft = draftOf(null);
    draft.agreedOn = "2026-03-01";
    draft.nextReviewOn = "2026-06-01";
    draft.isAgreed = "yes";
    draft.goals[2] = { ...emptyGoal(), title: "Sprachkurs B1", dueOn: "2026-02-01" };
    const { errors } = await check(draft);
    expect(errors).toEqual({ "goals.2.dueOn": "Der Termin kann nicht vor dem Datum der Vereinbarung liegen." });
    // The server names the goal by its position among the sent ones.
    expect(agreementFormPath("goals.0.dueOn", [2])).toBe("goals.2.dueOn");
    expect(agreementFormPath("nextReviewOn", [2])).toBe("nextReviewOn");

    draft.goals[2]!.dueOn = "2026-09-01";
    const { errors: none, values } = await check(draft);
    expect(none).toEqual({});
    expect(values).toMatchObject({ caseId, isAgreed: true, goals: [{ priority: 3, title: "Sprachkurs B1", dueOn: "2026-09-01" }] });
  });
});
