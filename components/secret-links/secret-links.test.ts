import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SecretLinkTable } from "./secret-link-table";
import { absoluteLink } from "./shown-once-link";

type Guest = { id: string; name: string; status: string };

function render(rows: Guest[] | undefined, error?: string) {
  return renderToStaticMarkup(
    createElement(SecretLinkTable<Guest>, {
      heading: "Eingeladene Gäste",
      error,
      rows,
      empty: "Noch keine Gäste eingeladen.",
      columns: [
        { label: "Name", cell: (guest) => guest.name },
        { label: "Status", cell: (guest) => guest.status },
      ],
      actionsLabel: "Aktionen",
      actions: (guest) => createElement("button", { type: "button" }, `Zugang widerrufen ${guest.name}`),
    }),
  );
}

describe("links with a secret in the browser", () => {
  it("shows the server's path as a full address on this site, ready to pass on", () => {
    expect(absoluteLink("/gast/AbC-_123", "https://kim.example")).toBe("https://kim.example/gast/AbC-_123");
    expect(absoluteLink("/arbeitspaket/x", "http://localhost:3000")).toBe("http://localhost:3000/arbeitspaket/x");
    expect(absoluteLink("https://kim.example/einladung/y", "http://localhost:3000")).toBe("https://kim.example/einladung/y");
  });

  it("lists one row per link with its actions, under column headers", () => {
    const html = render([
      { id: "1", name: "Greta Gastfreund", status: "Eingeladen" },
      { id: "2", name: "Otto Ohnelink", status: "Widerrufen" },
    ]);
    expect(html).toBe(
      "<h3>Eingeladene Gäste</h3><table><thead><tr>" +
        '<th scope="col">Name</th><th scope="col">Status</th><th scope="col">Aktionen</th></tr></thead><tbody>' +
        '<tr><td>Greta Gastfreund</td><td>Eingeladen</td><td><button type="button">Zugang widerrufen Greta Gastfreund</button></td></tr>' +
        '<tr><td>Otto Ohnelink</td><td>Widerrufen</td><td><button type="button">Zugang widerrufen Otto Ohnelink</button></td></tr>' +
        "</tbody></table>",
    );
  });

  it("says so when no link was handed out, and shows a loading error as an alert", () => {
    expect(render([])).toBe("<h3>Eingeladene Gäste</h3><p>Noch keine Gäste eingeladen.</p>");
    expect(render(undefined, "Dafür fehlt Ihnen die Berechtigung.")).toBe(
      '<h3>Eingeladene Gäste</h3><p role="alert" class="form-error">Dafür fehlt Ihnen die Berechtigung.</p>',
    );
  });
});
