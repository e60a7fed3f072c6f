import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { auditEvents } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { annualReportSchema } from "../schemas/themes";
import { createTestDatabase } from "../test/database";
import { createActor, createTenant } from "../test/factories";
import { annualThemeReportWorkbook } from "../themes/annual-report";
import { safeFileName, serveDownload, type DownloadSpec } from "./serve-download";

// The annual report route's spec: a procedure that only some roles may call, a workbook and an audit event.
const annualReport: DownloadSpec<object, { year: number }> = {
  input: (_params, query) => ({ year: query.get("year") ?? undefined }),
  schema: annualReportSchema,
  invalidInput: "downloads.invalidYear",
  render: async ({ caller, input }) => {
    const report = await caller.themes.annualReport(input);
    return {
      body: await annualThemeReportWorkbook(report),
      format: "xlsx",
      fileName: `themen-jahresbericht-${report.year}`,
      audit: { action: "reports.exported", details: { report: "themes_annual", year: report.year, format: "xlsx" } },
    };
  },
};

const request = (query = "?year=2026") => new Request(`http://localhost/api/themes/annual-report${query}`);

describe("downloads", () => {
  let handle: DatabaseHandle;
  let coordinator: Actor;
  let admin: Actor;

  beforeAll(async () => {
    handle = await createTestDatabase();
    const { tenant } = await createTenant(handle.db);
    coordinator = await createActor(handle.db, tenant.id, ["coordinator"]);
    admin = await createActor(handle.db, tenant.id, ["admin"]);
  });
  afterAll(() => handle.close());

  const exports = (actor: Actor) =>
    handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorUserId, actor.userId), eq(auditEvents.action, "reports.exported")));

  it("asks an unauthenticated caller to sign in, in German", async () => {
    const response = await serveDownload(request(), {}, annualReport, { db: handle.db, actor: null });
    expect(response.status).toBe(401);
    expect(await response.text()).toBe("Bitte melden Sie sich an.");
  });

  it("refuses a role without the procedure's permission, and writes no export event", async () => {
    const response = await serveDownload(request(), {}, annualReport, { db: handle.db, actor: admin });
    expect(response.status).toBe(403);
    expect(response.headers.get("Content-Disposition")).toBeNull();
    expect(await exports(admin)).toEqual([]);
  });

  it("answers input that does not parse with the route's message", async () => {
    const response = await serveDownload(request("?year=abc"), {}, annualReport, { db: handle.db, actor: coordinator });
    expect(response.status).toBe(400);
    expect(await response.text()).toBe("Ungültiges Jahr.");
  });

  it("serves the file with download headers and records the export", async () => {
    const response = await serveDownload(request(), {}, annualReport, { db: handle.db, actor: coordinator });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="themen-jahresbericht-2026.xlsx"');
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
    const [event] = await exports(coordinator);
    expect(event).toMatchObject({ tenantId: coordinator.tenantId, details: { report: "themes_annual", year: 2026, format: "xlsx" } });
  });

  it("treats another refusal of the procedure as not found", async () => {
    const missing: DownloadSpec<object, object> = {
      input: () => ({}),
      schema: annualReportSchema.partial(),
      render: async ({ caller }) => {
        await caller.steering.vorlagen.version({ vorlageId: "00000000-0000-4000-8000-000000000000", version: 1 });
        return { body: "", format: "json", fileName: "x" };
      },
    };
    const response = await serveDownload(request(), {}, missing, { db: handle.db, actor: coordinator });
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("Nicht gefunden.");
  });

  it("keeps file names to characters every browser saves as they are", () => {
    expect(safeFileName("auskunft-KB-2026-0042")).toBe("auskunft-KB-2026-0042");
    expect(safeFileName('Übersicht "Köln"\r\n/../x')).toBe("Ubersicht-Koln-..-x");
    expect(safeFileName("...")).toBe("download");
  });
});
