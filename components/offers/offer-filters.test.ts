import { NextIntlClientProvider } from "next-intl";
import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { messages } from "@/server/i18n/messages";
import { listOffersSchema } from "@/server/schemas/offers";
import { browserMessages } from "../forms/form-test-helpers";
import { OfferFilters, emptyOfferFilters, noOfferFilters } from "./offer-filters";

type IntlProps = ComponentProps<typeof NextIntlClientProvider>;

function render() {
  const filters = createElement(OfferFilters, {
    languages: ["Farsi"],
    kommunen: [{ id: "00000000-0000-4000-8000-000000000001", name: "Nordheim" }],
    onApply: () => {},
  });
  const intl: Omit<IntlProps, "children"> = { locale: "de", messages, timeZone: "Europe/Berlin" };
  return renderToStaticMarkup(createElement(NextIntlClientProvider, intl as IntlProps, filters));
}

describe("the offer directory's filters", () => {
  it("keeps its search landmark, labels tied to their controls and its two buttons", () => {
    const html = render();
    expect(html).toMatch(/<form role="search" aria-label="Angebote suchen und filtern"/);
    expect(html).toContain('<label for="offer-search">Suche</label>');
    expect(html).toMatch(/<input [^>]*id="offer-search"[^>]*aria-describedby="offer-search-hint"/);
    expect(html).toContain('<label for="offer-filter-life-area">Lebensbereich</label>');
    expect(html).toContain('<label for="offer-filter-language">Sprache</label>');
    expect(html).toContain('<option value="Farsi">Farsi</option>');
    expect(html).toContain('<label for="offer-filter-kommune">Kommune</label>');
    expect(html).toContain('<label for="offer-filter-inactive">Auch deaktivierte Angebote anzeigen</label>');
    expect(html).toContain('<button type="submit" class="button-primary">Suchen</button>');
    expect(html).toContain('<button type="reset" class="button-secondary">Filter zurücksetzen</button>');
  });

  it("reads untouched controls as no filter, the same list as after a reset", () => {
    expect(listOffersSchema.parse(emptyOfferFilters)).toEqual({ includeInactive: false, limit: 100 });
    expect(noOfferFilters).toEqual({ includeInactive: false, limit: 100 });
  });

  it("marks a search with a control character at the search field before asking the server", async () => {
    expect(await browserMessages(listOffersSchema, { ...emptyOfferFilters, search: "Beratung\u0007" })).toEqual({
      search: "Bitte keine Steuerzeichen verwenden.",
    });
  });
});
