import { NextIntlClientProvider } from "next-intl";
import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { messages } from "@/server/i18n/messages";
import { kommuneKinds } from "@/server/schemas/tenancy-kinds";
import { NamedEntriesAdmin } from "./named-entries-admin";

const idle = { mutate: () => {}, isPending: false, error: null };
const refused = {
  ...idle,
  error: { message: "Ungültige Eingabe.", data: { fieldErrors: { name: ["Bitte geben Sie einen Namen an."] } } },
} as unknown as typeof idle;

type Kind = (typeof kommuneKinds)[number];
type IntlProps = ComponentProps<typeof NextIntlClientProvider>;

function render(create: typeof idle) {
  const table = createElement(NamedEntriesAdmin<Kind, { id: string; name: string; kind: Kind }, object>, {
    idPrefix: "kommune",
    titleId: "kommunen-title",
    title: "Kommunen",
    newTitle: "Neue Kommune",
    kinds: kommuneKinds,
    defaultKind: "kommune",
    kindLabel: (kind) => kind,
    entries: [{ id: "1", name: "Musterstadt", kind: "kommune" }],
    extraValues: () => ({}),
    create,
    update: idle,
    onSaved: async () => {},
  });
  // Children go as the third argument; the props type wants them among the props.
  const intl: Omit<IntlProps, "children"> = { locale: "de", messages, timeZone: "Europe/Berlin" };
  return renderToStaticMarkup(createElement(NextIntlClientProvider, intl as IntlProps, table));
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

  it("ties a field's error to the field", () => {
    const html = render(refused);
    expect(html).toContain('<p class="field-error" id="kommune-name-error">Bitte geben Sie einen Namen an.</p>');
    expect(html).toMatch(/<input id="kommune-name"[^>]*aria-describedby="kommune-name-error"[^>]*aria-invalid="true"/);
  });
});
