import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z, ZodError, type ZodType } from "zod";
import type { DatabaseHandle } from "@/db";
import type { Actor } from "../auth/policy";
import { translate, translateFieldErrors } from "../i18n/translate";
import { createTestDatabase } from "../test/database";
import { callerFor, createActor, createTenant } from "../test/factories";
import { boardOperationSchema } from "./board";
import { identitySchema, saveSummarySchema } from "./cases";
import { nameSchema } from "./common";
import { createConferenceSchema } from "./conferences";
import { startFormulationSchema } from "./formulations";
import { answerPollSchema, planSessionSchema } from "./sessions";
import { splitThemeSchema } from "./themes";
import { createWorkPackageSchema } from "./work-packages";

const id = "8f0c7c1e-9a43-4d8e-b1a2-3c4d5e6f7a8b";
const broken = "Der Text enthält ein unvollständiges Zeichen (z. B. aus einer fehlerhaften Kopie). Bitte geben Sie ihn neu ein.";
const bidi = "Bitte keine Steuerzeichen für die Schreibrichtung verwenden: Sie lassen den Text anders erscheinen, als er eingegeben wurde.";

/** A schema, a valid input with `value` put into one text field, that field's path, and whether it is a name or title. */
const fields: [string, ZodType, (value: string) => unknown, string, "name or title" | "free text"][] = [
  ["a body's name", nameSchema, (v) => v, "", "name or title"],
  [
    "a person's last name",
    identitySchema,
    (v) => ({ lastName: v, firstName: "Olga", birthDate: "1980-01-01" }),
    "lastName",
    "name or title",
  ],
  [
    "a person's first name",
    identitySchema,
    (v) => ({ lastName: "Petrova", firstName: v, birthDate: "1980-01-01" }),
    "firstName",
    "name or title",
  ],
  ["a summary's title", saveSummarySchema, (v) => ({ caseId: id, title: v, body: "Text" }), "title", "name or title"],
  ["a summary's body", saveSummarySchema, (v) => ({ caseId: id, title: "Titel", body: v }), "body", "free text"],
  [
    "a conference's title",
    createConferenceSchema,
    (v) => ({ type: "fallkonferenz", title: v, scheduledAt: new Date("2026-12-01T09:00:00Z") }),
    "title",
    "name or title",
  ],
  [
    "a cluster's title",
    boardOperationSchema,
    (v) => ({ kind: "cluster.add", clusterId: id, title: v, orderKey: "a0" }),
    "title",
    "name or title",
  ],
  [
    "a card's text",
    boardOperationSchema,
    (v) => ({ kind: "card.add", cardId: id, lane: "themen", text: v, orderKey: "a0", caseId: null, perspective: null }),
    "text",
    "free text",
  ],
  ["a formulation's title", startFormulationSchema, (v) => ({ conferenceId: id, clusterId: id, title: v }), "title", "name or title"],
  [
    "a work package's task",
    createWorkPackageSchema,
    (v) => ({ conferenceId: id, task: v, responsibleOrganisationId: id, dueDate: "2027-01-01" }),
    "task",
    "free text",
  ],
  [
    "a session's title",
    planSessionSchema,
    (v) => ({ bodyId: id, title: v, scheduledAt: new Date("2026-12-01T09:00:00Z") }),
    "title",
    "name or title",
  ],
  ["a poll answer", answerPollSchema, (v) => ({ pollId: id, themeId: id, answer: v, caseCount: 1 }), "answer", "free text"],
  ["a split theme's title", splitThemeSchema, (v) => ({ themeId: id, sourceIds: [id], title: v }), "title", "name or title"],
];

/** Lone halves of a character, alone, inside a word, reversed. */
const loneSurrogates = ["\uD800", "Ann\uDC00a", "Mül\uDBFFler", "ab\uDC00\uD83Dcd"];
/** Controls that turn the displayed direction of a name or title around. */
const bidiControls = ["\u202Eevil.exe", "Ol\u202Aga", "x\u202By", "x\u202Cy", "x\u202Dy", "\u2066Olga\u2069", "Olga\u2067", "Olga\u2068"];
/** Well-formed text in any script, emoji made of a surrogate pair included. */
const fine = ["Ölçek 😀", "Петренко", "محمد", "Straße"];

function messageAt(schema: ZodType, input: unknown, path: string): string[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.filter((issue) => issue.path.join(".") === path).map((issue) => translate(issue.message));
}

describe("odd characters in text fields", () => {
  for (const [label, schema, build, path, kind] of fields) {
    it(`${label}: refuses lone surrogates${kind === "name or title" ? " and direction controls" : ""}, accepts any script`, () => {
      for (const value of loneSurrogates) expect(messageAt(schema, build(value), path)).toContain(broken);
      for (const value of bidiControls) {
        if (kind === "name or title") expect(messageAt(schema, build(value), path)).toContain(bidi);
        else expect(messageAt(schema, build(value), path)).toEqual([]);
      }
      for (const value of fine) expect(schema.safeParse(build(value)).success).toBe(true);
    });
  }
});

describe("validation messages", () => {
  let handle: DatabaseHandle;
  let planner: Actor;
  let admin: Actor;
  let kommuneId: string;

  beforeAll(async () => {
    handle = await createTestDatabase();
    const tenant = await createTenant(handle.db);
    kommuneId = tenant.kommune.id;
    planner = await createActor(handle.db, tenant.tenant.id, ["coordinator"]);
    admin = await createActor(handle.db, tenant.tenant.id, ["admin"]);
  });
  afterAll(() => handle.close());

  async function fieldErrorsOf(promise: Promise<unknown>) {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect((error as TRPCError).cause).toBeInstanceOf(ZodError);
    return translateFieldErrors(z.flattenError((error as TRPCError).cause as ZodError).fieldErrors);
  }

  it("are German for a wrong type, an unknown key and a missing field", async () => {
    const caller = callerFor(handle.db, planner);
    const valid = {
      type: "fallkonferenz" as const,
      title: "Fallkonferenz Wohnen",
      scheduledAt: new Date("2026-12-01T09:00:00Z"),
      kommuneId,
    };
    expect(await fieldErrorsOf(caller.conferences.create({ ...valid, participantUserIds: {} as never }))).toEqual({
      participantUserIds: ["Dieser Wert hat nicht die erwartete Form."],
    });
    expect(await fieldErrorsOf(caller.conferences.create({ ...valid, isOnline: "ja" as never }))).toEqual({
      isOnline: ["Dieser Wert hat nicht die erwartete Form."],
    });
    const unknownKey = await caller.conferences.create({ ...valid, ownerId: "x" } as never).catch((e: unknown) => e as TRPCError);
    expect((unknownKey as TRPCError).cause).toBeInstanceOf(ZodError);
    expect(((unknownKey as TRPCError).cause as ZodError).issues.map((issue) => translate(issue.message))).toEqual([
      "Die Eingabe enthält ein unbekanntes Feld.",
    ]);
    const withoutDate = { ...valid, scheduledAt: undefined };
    expect(await fieldErrorsOf(caller.conferences.create(withoutDate as never))).toEqual({
      scheduledAt: ["Bitte geben Sie ein gültiges Datum ein."],
    });
    const withoutType = { ...valid, type: undefined };
    expect(await fieldErrorsOf(caller.conferences.create(withoutType as never))).toEqual({
      type: ["Bitte wählen Sie einen Eintrag aus der Liste."],
    });
  });

  it("refuse a lone surrogate in a name with a German field message instead of failing on the audit row", async () => {
    const caller = callerFor(handle.db, admin);
    expect(await fieldErrorsOf(caller.tenancy.createKommune({ name: "Neu\uD800stadt", kind: "kommune" }))).toEqual({
      name: [broken],
    });
  });
});
