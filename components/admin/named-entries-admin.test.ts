import { NextIntlClientProvider } from "next-intl";
import { createElement, type ComponentProps, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { messages } from "@/server/i18n/messages";
import { createKommuneSchema, createOrganisationSchema } from "@/server/schemas/tenancy";
import { kommuneKinds } from "@/server/schemas/tenancy-kinds";
import { FormField } from "../forms/form-field";
import { browserMessages } from "../forms/form-test-helpers";
import type { ServerError } from "../forms/server-errors";
import { useZodForm } from "../forms/use-zod-form";
import { NamedEntriesAdmin } from "./named-entries-admin";

const idle = { mutate: () => {}, isPending: false, error: null as ServerError | null };
const refusedAtName = {
  ...idle,
  error: {
    message: "Bitte prüfen Sie die markierten Felder.",
    data: { issuePaths: { name: ["Bitte geben Sie einen Namen an."] }, field: null },
  } as unknown as ServerError,
};
const refusedWithoutField = {
  ...idle,
  error: { message: "Dafür fehlt Ihnen die Berechtigung.", data: { issuePaths: null, field: null } } as unknown as ServerError,
};

type Kind = (typeof kommuneKinds)[number];
type IntlProps = ComponentProps<typeof NextIntlClientProvider>;

function inIntl(element: ReactElement) {
  // Children go as the third argument; the props type wants them among the props.
  const intl: Omit<IntlProps, "children"> = { locale: "de", messages, timeZone: "Europe/Berlin" };
  return renderToStaticMarkup(createElement(NextIntlClientProvider, intl as IntlProps, element));
}

function render(create: typeof idle) {
  return inIntl(
    createElement(NamedEntriesAdmin<Kind, { id: string; name: string; kind: Kind }, typeof createKommuneSchema>, {
      idPrefix: "kommune",
      titleId: "kommunen-title",
      title: "Kommunen",
      newTitle: "Neue Kommune",
      kinds: kommuneKinds,
      kindLabel: (kind) => kind,
      entries: [{ id: "1", name: "Musterstadt", kind: "kommune" }],
      schema: createKommuneSchema,
      defaultValues: (editing) => ({ name: editing?.name ?? "", kind: editing?.kind ?? "kommune" }),
      create,
      update: idle,
      onSaved: async () => {},
    }),
  );
}

/** A name field whose form already holds a message, as after a refused save. */
function NameWithError() {
  const form = useZodForm(createKommuneSchema, {
    defaultValues: { name: "", kind: "kommune" },
    errors: { name: { type: "server", message: "Dieser Name ist bereits vergeben." } },
  });
  // The children are a render function, which createElement's third argument does not take.
  // eslint-disable-next-line react/no-children-prop
  return createElement(FormField<{ name: string; kind: Kind }, unknown, "name">, {
    form,
    name: "name",
    id: "kommune-name",
    label: "Name",
    children: (control) => createElement("input", control),
  });
}

describe("the admin table of named entries", () => {
  it("ties every label to its field", () => {
    const html = render(idle);
    expect(html).toContain('<label for="kommune-name">Name</label>');
    expect(html).toContain('id="kommune-name"');
    expect(html).toContain('<label for="kommune-kind">');
    expect(html).toContain('id="kommune-kind"');
    expect(html).toContain("Musterstadt");
  });

  it("leaves a refusal that names a field to that field, and shows one without a field in the alert", () => {
    expect(render(refusedAtName)).toContain('<div role="alert"></div>');
    expect(render(refusedWithoutField)).toContain('<div role="alert" class="form-error">Dafür fehlt Ihnen die Berechtigung.</div>');
  });

  it("ties a field's error to the field", () => {
    const html = inIntl(createElement(NameWithError));
    expect(html).toContain('<p class="field-error" id="kommune-name-error">Dieser Name ist bereits vergeben.</p>');
    expect(html).toMatch(/<input id="kommune-name"[^>]*aria-describedby="kommune-name-error"[^>]*aria-invalid="true"/);
  });

  it("reads an organisation without a Kommune as none, and marks a short name at the name field", async () => {
    expect(
      await browserMessages(createOrganisationSchema, { name: "Diakonie Neustadt", kind: "wohlfahrtsverband", kommuneId: "" }),
    ).toEqual({});
    expect(await browserMessages(createOrganisationSchema, { name: "D", kind: "wohlfahrtsverband", kommuneId: "" })).toEqual({
      name: "Der Name muss mindestens 2 Zeichen lang sein.",
    });
  });
});
