import ExcelJS from "exceljs";
import { and, asc, eq, gte, inArray, lt } from "drizzle-orm";
import type { Database } from "@/db";
import { bodySessions, decisions, themeStatusChanges } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { translate } from "../i18n/translate";
import { safeCell } from "../reports/spreadsheet";
import { calendarDayOf, startOfDayInstant } from "../schemas/calendar-days";
import type { AnnualReportInput } from "../schemas/themes";
import { countViewFor } from "../aggregates/count-view";
import { formatShownCount, shownCount, type CountView, type ShownCount } from "../aggregates/shown-count";
import { shownGroup } from "../aggregates/shown-group";
import { distinctCases, groupBy, listThemes, sourcesOf } from "./registry";

type YearSource = { caseId: string | null; createdAt: Date };

/**
 * A theme's cases and sources in one year as the viewer may see them. Every year of the theme is a
 * cell beside the all-time total, so the reports of the other years cannot be subtracted from the
 * total to give a withheld year away; each year's report withholds the same cells.
 */
function yearCounts(view: CountView, all: YearSource[], year: number) {
  const byYear = groupBy(all, (s) => calendarDayOf(s.createdAt).slice(0, 4));
  const cases: Record<string, number> = {};
  const sources: Record<string, number> = {};
  for (const [key, rows] of byYear) {
    cases[key] = distinctCases(rows);
    sources[key] = rows.length;
  }
  const shownCases = shownGroup(view, cases, distinctCases(all));
  const shownSources = shownGroup(view, sources, all.length);
  const key = String(year);
  return {
    casesInYear: shownCases.cells[key] ?? shownCount(view, 0),
    casesTotal: shownCases.total,
    sourcesInYear: shownSources.cells[key] ?? shownCount(view, 0),
  };
}

/**
 * The registry's year: every theme known by the end of the year with its cases and sources that
 * year, the steps it took and the decisions taken on it. Counts follow the viewer's A10 rule.
 */
export async function annualThemeReport(db: Database, actor: Actor, input: AnnualReportInput) {
  const start = startOfDayInstant(`${input.year}-01-01`);
  const end = startOfDayInstant(`${input.year + 1}-01-01`);
  const view = await countViewFor(db, actor);
  const listed = (await listThemes(db, actor)).filter((t) => t.createdAt < end);
  const ids = listed.map((t) => t.id);
  const sources = groupBy(await sourcesOf(db, actor.tenantId, ids), (s) => s.themeId);
  const steps = ids.length
    ? groupBy(
        await db
          .select({
            themeId: themeStatusChanges.themeId,
            fromStatus: themeStatusChanges.fromStatus,
            toStatus: themeStatusChanges.toStatus,
            createdAt: themeStatusChanges.createdAt,
          })
          .from(themeStatusChanges)
          .where(
            and(inArray(themeStatusChanges.themeId, ids), gte(themeStatusChanges.createdAt, start), lt(themeStatusChanges.createdAt, end)),
          )
          .orderBy(asc(themeStatusChanges.createdAt)),
        (s) => s.themeId,
      )
    : new Map();
  const decided = ids.length
    ? groupBy(
        await db
          .select({ themeId: decisions.themeId, outcome: decisions.outcome, text: decisions.text, date: bodySessions.scheduledAt })
          .from(decisions)
          .innerJoin(bodySessions, eq(bodySessions.id, decisions.sessionId))
          .where(
            and(
              eq(decisions.tenantId, actor.tenantId),
              inArray(decisions.themeId, ids),
              gte(bodySessions.scheduledAt, start),
              lt(bodySessions.scheduledAt, end),
            ),
          )
          .orderBy(asc(bodySessions.scheduledAt)),
        (d) => d.themeId ?? "",
      )
    : new Map();
  const rows = listed.map((theme) => {
    const all = sources.get(theme.id) ?? [];
    const inYear = all.filter((s) => s.createdAt >= start && s.createdAt < end);
    const counts = yearCounts(view, all, input.year);
    return {
      title: theme.title,
      status: theme.status,
      urgency: theme.urgency,
      casesInYear: counts.casesInYear,
      casesTotal: counts.casesTotal,
      kommunenInYear: new Set(inYear.map((s) => s.kommuneId).filter(Boolean)).size,
      sourcesInYear: counts.sourcesInYear,
      // Only steps along the path; merge and split notes keep the status and are left out.
      stepsInYear: ((steps.get(theme.id) ?? []) as { fromStatus: string | null; toStatus: string }[])
        .filter((s) => s.fromStatus !== s.toStatus)
        .map((s) => s.toStatus),
      decisions: (decided.get(theme.id) ?? []) as { outcome: string; text: string; date: Date }[],
    };
  });
  return { year: input.year, rows };
}

export type AnnualThemeReport = Awaited<ReturnType<typeof annualThemeReport>>;

function countCell(value: ShownCount): string | number {
  return typeof value === "number"
    ? value
    : formatShownCount(value, { fewerThan: (k) => translate("counts.fewerThan", { k }), withheld: translate("counts.withheld") });
}

/** The annual report as an Excel workbook, one sheet of themes. */
export async function annualThemeReportWorkbook(report: AnnualThemeReport): Promise<Buffer> {
  const t = (key: string, values?: Record<string, string | number>) => translate(`themes.annual.${key}`, values);
  const date = new Intl.DateTimeFormat("de-DE", { dateStyle: "medium", timeZone: "Europe/Berlin" });
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "KIM-Plattform";
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(t("sheet", { year: report.year }));
  sheet.columns = [
    { header: t("columns.title"), key: "title", width: 50 },
    { header: t("columns.status"), key: "status", width: 26 },
    { header: t("columns.urgency"), key: "urgency", width: 14 },
    { header: t("columns.casesInYear"), key: "casesInYear", width: 16 },
    { header: t("columns.casesTotal"), key: "casesTotal", width: 16 },
    { header: t("columns.kommunenInYear"), key: "kommunenInYear", width: 16 },
    { header: t("columns.sourcesInYear"), key: "sourcesInYear", width: 16 },
    { header: t("columns.steps"), key: "steps", width: 50 },
    { header: t("columns.decisions"), key: "decisions", width: 80 },
  ];
  for (const row of report.rows) {
    sheet.addRow({
      title: safeCell(row.title),
      status: translate(`themes.statuses.${row.status}`),
      urgency: translate(`themes.urgencies.${row.urgency}`),
      casesInYear: countCell(row.casesInYear),
      casesTotal: countCell(row.casesTotal),
      kommunenInYear: row.kommunenInYear,
      sourcesInYear: countCell(row.sourcesInYear),
      steps: row.stepsInYear.map((s) => translate(`themes.statuses.${s}`)).join(", "),
      decisions: safeCell(
        row.decisions.map((d) => `${date.format(d.date)}: ${translate(`themes.outcomes.${d.outcome}`)} – ${d.text}`).join("\n"),
      ),
    });
  }
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
