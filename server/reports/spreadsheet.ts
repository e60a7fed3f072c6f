import ExcelJS from "exceljs";
import { translate } from "../i18n/translate";
import type { MonthlyReport } from "./monthly-report";

/**
 * Spreadsheet programs execute cells starting with = + - @ (and tab/CR) as formulas; a leading
 * apostrophe keeps them text (CSV/formula injection).
 */
export function safeCell(value: string | number | null): string | number | null {
  if (typeof value !== "string") return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The monthly report as an Excel workbook: key figures, topics, appointments per case (pseudonyms only). */
export async function monthlyReportWorkbook(report: MonthlyReport): Promise<Buffer> {
  const t = (key: string) => translate(`reports.${key}`);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "KIM-Plattform";
  workbook.created = new Date();

  const summary = workbook.addWorksheet(t("sheets.keyFigures"));
  summary.columns = [
    { header: t("columns.figure"), key: "figure", width: 40 },
    { header: t("columns.value"), key: "value", width: 16 },
  ];
  summary.addRow({ figure: t("columns.month"), value: report.month });
  summary.addRow({ figure: t("columns.caseManager"), value: safeCell(report.caseManager.displayName) });
  for (const [key, value] of Object.entries(report.keyFigures)) summary.addRow({ figure: t(`keyFigures.${key}`), value });

  const topics = workbook.addWorksheet(t("sheets.topics"));
  topics.columns = [
    { header: t("columns.lifeArea"), key: "area", width: 40 },
    { header: t("columns.contacts"), key: "count", width: 12 },
  ];
  for (const topic of report.topics) topics.addRow({ area: translate(`cases.lifeAreas.${topic.lifeArea}`), count: topic.count });

  const appointments = workbook.addWorksheet(t("sheets.appointments"));
  appointments.columns = [
    { header: t("columns.kind"), key: "kind", width: 30 },
    { header: t("columns.contacts"), key: "count", width: 12 },
    { header: t("columns.minutes"), key: "minutes", width: 12 },
  ];
  for (const row of report.contactsByKind)
    appointments.addRow({ kind: translate(`cases.contactKinds.${row.kind}`), count: row.count, minutes: row.minutes });

  const perCase = workbook.addWorksheet(t("sheets.cases"));
  perCase.columns = [
    { header: t("columns.pseudonym"), key: "pseudonym", width: 20 },
    { header: t("columns.status"), key: "status", width: 20 },
    { header: t("columns.contacts"), key: "contacts", width: 12 },
    { header: t("columns.minutes"), key: "minutes", width: 12 },
  ];
  for (const row of report.cases) {
    perCase.addRow({
      pseudonym: safeCell(row.pseudonym),
      status: translate(`cases.statuses.${row.status}`),
      contacts: row.contacts,
      minutes: row.minutes,
    });
  }
  for (const sheet of workbook.worksheets) sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
