import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { CaseErasure } from "@/components/cases/case-erasure";
import { CaseTransfer } from "@/components/cases/case-transfer";
import { loadCaseOverview } from "@/components/cases/load-case";
import { getServerCaller } from "@/components/trpc/server";

export default async function CaseOverviewPage({ params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const overview = await loadCaseOverview(caseId);
  const t = await getTranslations("cases");
  const format = await getFormatter();
  const day = (value: string | null) => (value ? format.dateTime(new Date(`${value}T12:00:00`), { dateStyle: "medium" }) : t("none"));
  const progress = overview.abilities.readContent ? await (await getServerCaller()).cases.progress({ caseId }) : null;
  const base = `/cases/${caseId}`;
  const steps = progress
    ? [
        { done: progress.screening > 0 || overview.accessChannel === "walk_in", label: t("screening.title"), href: `${base}/intake` },
        { done: progress.intake > 0, label: t("intake.title"), href: `${base}/intake` },
        { done: progress.consents > 0, label: t("consents.title"), href: `${base}/intake` },
        { done: progress.assessments > 0, label: t("tabs.assessment"), href: `${base}/assessment` },
        { done: progress.goalAgreements > 0, label: t("tabs.goals"), href: `${base}/goals` },
        { done: progress.contacts > 0, label: t("monitoring.contacts"), href: `${base}/monitoring` },
        { done: progress.interimReviews > 0, label: t("monitoring.interimReviews"), href: `${base}/monitoring` },
        { done: progress.closure > 0, label: t("closure.title"), href: `${base}/closure` },
      ]
    : [];
  return (
    <>
      <h1>{t("overview.title", { pseudonym: overview.pseudonym })}</h1>
      {!overview.abilities.readContent && <p className="notice">{t("overview.pseudonymOnly")}</p>}
      {overview.erasedAt && (
        <p className="notice">{t("erasure.erasedAt", { date: format.dateTime(new Date(overview.erasedAt), { dateStyle: "medium" }) })}</p>
      )}
      <dl className="facts">
        <div>
          <dt>{t("status")}</dt>
          <dd>{t(`statuses.${overview.status}`)}</dd>
        </div>
        <div>
          <dt>{t("overview.accessChannel")}</dt>
          <dd>{t(`accessChannels.${overview.accessChannel}`)}</dd>
        </div>
        <div>
          <dt>{t("kommune")}</dt>
          <dd>{overview.kommuneName ?? t("noKommune")}</dd>
        </div>
        <div>
          <dt>{t("responsible")}</dt>
          <dd>{overview.responsibleName ?? t("none")}</dd>
        </div>
        <div>
          <dt>{t("openedOn")}</dt>
          <dd>{day(overview.openedOn)}</dd>
        </div>
        <div>
          <dt>{t("admittedOn")}</dt>
          <dd>{day(overview.admittedOn)}</dd>
        </div>
        <div>
          <dt>{t("lastContactOn")}</dt>
          <dd>{day(overview.lastContactOn)}</dd>
        </div>
        <div>
          <dt>{t("nextReviewOn")}</dt>
          <dd>{day(overview.nextReviewOn)}</dd>
        </div>
        <div>
          <dt>{t("closedOn")}</dt>
          <dd>{day(overview.closedOn)}</dd>
        </div>
      </dl>
      {progress && (
        <section aria-labelledby="steps-title" className="card">
          <h2 id="steps-title">{t("overview.steps")}</h2>
          <ol className="steps">
            {steps.map((step) => (
              <li key={step.label} className={step.done ? "step-done" : "step-open"}>
                <Link href={step.href}>{step.label}</Link>
              </li>
            ))}
          </ol>
        </section>
      )}
      {overview.evaluation && (
        <section aria-labelledby="evaluation-title" className="card">
          <h2 id="evaluation-title">{t("closure.evaluation")}</h2>
          <dl className="facts">
            <div>
              <dt>{t("closure.closingType")}</dt>
              <dd>{t(`closingTypes.${overview.evaluation.closingType}`)}</dd>
            </div>
            <div>
              <dt>{t("monitoring.situationChange")}</dt>
              <dd>{t(`situationChanges.${overview.evaluation.situationChange}`)}</dd>
            </div>
            {Object.entries(overview.evaluation.attainmentByArea).map(([area, level]) => (
              <div key={area}>
                <dt>{t(`reviewAreas.${area as "housing"}`)}</dt>
                <dd>{t(`attainmentLevels.${level as "fully"}`)}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {overview.abilities.transfer && <CaseTransfer caseId={caseId} canTransfer />}
      {overview.abilities.transfer && <p className="muted">{t("erasure.onlyClosed")}</p>}
      {overview.abilities.erase && <CaseErasure caseId={caseId} pseudonym={overview.pseudonym} />}
    </>
  );
}
