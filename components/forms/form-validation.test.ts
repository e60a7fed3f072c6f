import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import type { Actor } from "@/server/auth/policy";
import { createCaseSchema } from "@/server/schemas/cases";
import { createKommuneSchema } from "@/server/schemas/tenancy";
import { createTestDatabase } from "@/server/test/database";
import { callerFor, createActor, createTenant } from "@/server/test/factories";
import { asClientError, browserMessages, serverMessages } from "./form-test-helpers";
import { formErrorOf, serverFieldErrors, type ServerError } from "./server-errors";
import { errorsByPath, firstErrorMessage } from "./use-zod-form";

describe("form validation in the browser and on the server", () => {
  let handle: DatabaseHandle;
  let admin: Actor;
  let caseManager: Actor;

  beforeAll(async () => {
    handle = await createTestDatabase();
    const { tenant } = await createTenant(handle.db);
    admin = await createActor(handle.db, tenant.id, ["admin"]);
    caseManager = await createActor(handle.db, tenant.id, ["case_manager"]);
  });
  afterAll(() => handle.close());

  it("shows the same German message on the same field for a flat schema", async () => {
    const values = { name: "X", kind: "dorf" };
    const inBrowser = await browserMessages(createKommuneSchema, values);
    expect(inBrowser).toEqual({
      name: "Der Name muss mindestens 2 Zeichen lang sein.",
      kind: "Bitte wählen Sie einen Eintrag aus der Liste.",
    });
    const error = await callerFor(handle.db, admin)
      .tenancy.createKommune(values as never)
      .catch((e: unknown) => e);
    expect(serverMessages(asClientError(error))).toEqual(inBrowser);
  });

  it("names nested fields by their dotted path on both sides", async () => {
    const values = {
      accessChannel: "walk_in",
      kommuneId: "",
      identity: { lastName: "", firstName: "Amira", birthName: "", birthDate: "2000-13-01" },
      screening: null,
      openedOn: "2999-01-01",
    };
    const inBrowser = await browserMessages(createCaseSchema, values);
    expect(Object.keys(inBrowser).sort()).toEqual(["identity.birthDate", "identity.lastName", "openedOn"]);
    expect(inBrowser.openedOn).not.toMatch(/^cases\./);
    const error = await callerFor(handle.db, caseManager)
      .cases.create(values as never)
      .catch((e: unknown) => e);
    expect(serverMessages(asClientError(error))).toEqual(inBrowser);
  });
});

describe("server errors on form fields", () => {
  const zodFailure = {
    message: "Bitte prüfen Sie die markierten Felder.",
    data: {
      code: "BAD_REQUEST",
      httpStatus: 400,
      fieldErrors: { identity: ["Pflichtfeld"], name: ["Zu kurz"] },
      issuePaths: { "identity.lastName": ["Pflichtfeld", "Zu lang"], name: ["Zu kurz"], "": ["Ganzes Formular"] },
      field: null,
    },
  } as unknown as ServerError;

  it("keys each zod issue by its full path, first message only, and skips form-wide issues", () => {
    expect(serverFieldErrors(zodFailure)).toEqual({ "identity.lastName": "Pflichtfeld", name: "Zu kurz" });
    expect(formErrorOf(zodFailure)).toBeNull();
  });

  it("puts a service error on the field it names", () => {
    const conflict = {
      message: "Dieser Benutzername ist vergeben.",
      data: { code: "CONFLICT", httpStatus: 409, fieldErrors: null, issuePaths: null, field: "username" },
    } as unknown as ServerError;
    expect(serverMessages(conflict)).toEqual({ username: "Dieser Benutzername ist vergeben." });
    expect(formErrorOf(conflict)).toBeNull();
  });

  it("leaves an error without a field to the form's alert", () => {
    const forbidden = {
      message: "Dafür fehlt Ihnen die Berechtigung.",
      data: { code: "FORBIDDEN", httpStatus: 403, fieldErrors: null, issuePaths: null, field: null },
    } as unknown as ServerError;
    expect(serverFieldErrors(forbidden)).toEqual({});
    expect(formErrorOf(forbidden)).toBe("Dafür fehlt Ihnen die Berechtigung.");
    expect(formErrorOf(null)).toBeNull();
  });
});

describe("error trees of react-hook-form", () => {
  const errors = {
    name: { type: "too_small", message: "Zu kurz" },
    grants: [undefined, { bodyId: { type: "custom", message: "Nur ein Geltungsbereich", ref: { focus() {} } } }],
  };

  it("names every message by its dotted path", () => {
    expect(errorsByPath(errors)).toEqual({ name: "Zu kurz", "grants.1.bodyId": "Nur ein Geltungsbereich" });
  });

  it("finds the first message of a group of rows", () => {
    expect(firstErrorMessage(errors.grants)).toBe("Nur ein Geltungsbereich");
    expect(firstErrorMessage(undefined)).toBeUndefined();
  });
});
