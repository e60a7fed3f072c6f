import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { getDb } from "@/db";
import { TRPCReactProvider } from "@/components/trpc/client";
import { clientAddressHeader } from "@/server/auth-options";
import { getWorkPackageByTrackingToken } from "@/server/work-packages/tracking-links";
import { AppError } from "@/server/errors";
import { TrackingReportForm } from "./tracking-report-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workPackages.public");
  // A personal link: search engines must not keep it.
  return { title: t("title"), robots: { index: false, follow: false } };
}

/**
 * Public, no session: the token is the only authorisation. The page shows this one package and,
 * of a case, only its pseudonym; a dead, unknown or malformed link gets one neutral message.
 */
export default async function WorkPackageTrackingPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("workPackages");
  const tApp = await getTranslations("app");
  const format = await getFormatter();
  const address = (await headers()).get(clientAddressHeader) ?? "unknown";
  const lookup = await getWorkPackageByTrackingToken(await getDb(), token, address).then(
    (found) => ({ found, message: t("errors.invalidLink") }),
    (error: unknown) => {
      if (error instanceof AppError && error.code === "RATE_LIMITED") return { found: null, message: t("errors.rateLimited") };
      throw error;
    },
  );
  const workPackage = lookup.found;
  const day = (value: string) => format.dateTime(new Date(`${value}T12:00:00Z`), { dateStyle: "long", timeZone: "UTC" });

  return (
    <main id="main" className="app-main">
      <p className="brand">{tApp("name")}</p>
      <h1>{t("public.title")}</h1>
      {workPackage ? (
        <>
          <p className="muted">{t("public.intro")}</p>
          <dl className="card">
            <dt>{t("public.task")}</dt>
            <dd>{workPackage.task}</dd>
            {workPackage.casePseudonym && (
              <>
                <dt>{t("public.case")}</dt>
                <dd>{workPackage.casePseudonym}</dd>
              </>
            )}
            <dt>{t("public.organisation")}</dt>
            <dd>{[workPackage.responsibleOrganisationName, workPackage.responsiblePerson].filter(Boolean).join(", ") || "—"}</dd>
            <dt>{t("public.dueDate")}</dt>
            <dd>
              {day(workPackage.dueDate)}
              {workPackage.isOverdue && <strong> ({t("table.overdue")})</strong>}
            </dd>
            <dt>{t("public.status")}</dt>
            <dd>
              <span className="status-badge">{t(`statuses.${workPackage.status}`)}</span>
            </dd>
          </dl>
          <section aria-labelledby="history-title">
            <h2 id="history-title">{t("public.history")}</h2>
            {workPackage.updates.length === 0 ? (
              <p>{t("public.noHistory")}</p>
            ) : (
              <ul>
                {workPackage.updates.map((u) => (
                  <li key={u.id}>
                    {t("table.updateLine", {
                      date: format.dateTime(u.createdAt, { dateStyle: "medium", timeStyle: "short" }),
                      status: t(`statuses.${u.status}`),
                      author: u.authorName,
                    })}
                    {u.note && <>: {u.note}</>}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <TRPCReactProvider>
            <TrackingReportForm token={token} status={workPackage.status} />
          </TRPCReactProvider>
        </>
      ) : (
        <p className="notice">{lookup.message}</p>
      )}
    </main>
  );
}
