import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { loadCaseOverview } from "@/components/cases/load-case";
import { PlanPrintButton } from "@/components/cases/plan-print-button";
import { requirePageAccess } from "@/components/shell/current-actor";
import { getServerCaller } from "@/components/trpc/server";
import type { PlanMeasure } from "@/components/cases/plan-types";
import "@/components/cases/plan.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("plans");
  return { title: t("print.title") };
}

async function loadPlanFile(caseId: string) {
  try {
    return await (await getServerCaller()).cases.plans.file({ caseId });
  } catch (error) {
    if (error instanceof TRPCError && ["NOT_FOUND", "BAD_REQUEST", "FORBIDDEN"].includes(error.code)) notFound();
    throw error;
  }
}

/**
 * The Zielerreichungsbogen laid out for signing. It names the case by its pseudonym only; the
 * browser's print dialog ("Als PDF speichern") turns it into a PDF.
 */
export default async function GoalsPrintPage({ params }: { params: Promise<{ caseId: string }> }) {
  await requirePageAccess("cases.work");
  const { caseId } = await params;
  const overview = await loadCaseOverview(caseId);
  if (!overview.abilities.readContent) notFound();
  const file = await loadPlanFile(caseId);
  const t = await getTranslations("plans");
  const tCases = await getTranslations("cases");
  const tApp = await getTranslations("app");
  const format = await getFormatter();
  const day = (value: string | null) => (value ? format.dateTime(new Date(`${value}T12:00:00`), { dateStyle: "long" }) : "—");
  const agreement = file.agreements[0] ?? null;
  const unassigned = file.measures.filter((measure) => !agreement?.goals.some((goal) => goal.id === measure.goalId));

  return (
    <article className="plan-print" aria-labelledby="print-title">
      <div className="plan-print-actions no-print">
        <PlanPrintButton label={t("print.button")} />
        <Link href={`/cases/${caseId}/goals`}>{t("print.back")}</Link>
        <p className="muted">{t("print.hint")}</p>
      </div>
      <h1 id="print-title">{t("print.title")}</h1>
      <dl className="plan-print-meta">
        <div>
          <dt>{t("print.case")}</dt>
          <dd>{overview.pseudonym}</dd>
        </div>
        <div>
          <dt>{t("print.caseManager")}</dt>
          <dd>{overview.responsibleName ?? "—"}</dd>
        </div>
        <div>
          <dt>{t("print.agreedOn")}</dt>
          <dd>{day(agreement?.agreedOn ?? null)}</dd>
        </div>
      </dl>

      {!agreement ? (
        <p>{t("print.noAgreement")}</p>
      ) : (
        <>
          <h2>{t("print.goalsHeading")}</h2>
          {agreement.goals.map((goal) => {
            const measures = file.measures.filter((measure) => measure.goalId === goal.id);
            return (
              <section key={goal.id} className="plan-print-goal" aria-labelledby={`print-goal-${goal.priority}`}>
                <h3 id={`print-goal-${goal.priority}`}>
                  {t("goal.legend", { priority: goal.priority })}: {goal.title}
                </h3>
                <p>
                  <span className="plan-print-label">{t("print.lifeArea")}:</span>{" "}
                  {goal.lifeArea ? tCases(`lifeAreas.${goal.lifeArea}`) : t("notGiven")}
                  {" · "}
                  <span className="plan-print-label">{t("print.dueOn")}:</span> {day(goal.dueOn)}
                </p>
                {goal.measurable && (
                  <p>
                    <span className="plan-print-label">{t("print.measurable")}:</span> {goal.measurable}
                  </p>
                )}
                {goal.explanation && (
                  <p>
                    <span className="plan-print-label">{t("print.explanation")}:</span> {goal.explanation}
                  </p>
                )}
                {goal.steps.length > 0 && (
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{t("print.steps")}</th>
                        <th scope="col">{t("print.timeframe")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {goal.steps.map((step, index) => (
                        <tr key={index}>
                          <td>{step.action}</td>
                          <td>
                            {[
                              step.dueOn ? t("goal.due", { date: day(step.dueOn) }) : null,
                              step.responsible ? t("goal.responsible", { name: step.responsible }) : null,
                            ]
                              .filter(Boolean)
                              .join(", ") || "—"}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
                <p>
                  <span className="plan-print-label">{t("print.nextStep")}:</span> {goal.nextStep || "—"}
                </p>
                {measures.length > 0 && (
                  <>
                    <p className="plan-print-label">{t("print.measures")}</p>
                    <MeasureList measures={measures} missingOffer={(description) => t("print.missingOffer", { description })} />
                  </>
                )}
                {goal.attainment && (
                  <p>
                    <span className="plan-print-label">{t("print.attainment")}:</span> {t(`attainmentLevels.${goal.attainment}`)}
                    {goal.attainmentNote && ` – ${goal.attainmentNote}`}
                  </p>
                )}
              </section>
            );
          })}
          {unassigned.length > 0 && (
            <section className="plan-print-goal" aria-labelledby="print-unassigned">
              <h3 id="print-unassigned">{t("helpPlan.withoutGoal")}</h3>
              <MeasureList measures={unassigned} missingOffer={(description) => t("print.missingOffer", { description })} />
            </section>
          )}
          <p>
            <span className="plan-print-label">{t("print.nextReview")}:</span> {day(agreement.nextReviewOn)}
          </p>
          {agreement.reviewedOn && <p>{t("print.reviewedOn", { date: day(agreement.reviewedOn) })}</p>}
          <h2>{t("print.agreedBetween")}</h2>
          <p>{t("print.parties")}</p>
          {agreement.participants && (
            <p>
              <span className="plan-print-label">{t("print.otherParticipants")}:</span> {agreement.participants}
            </p>
          )}
          <p>
            {t("print.isAgreed")} <strong>{agreement.isAgreed ? tApp("yes") : tApp("no")}</strong>
          </p>
          {agreement.deviations && (
            <p>
              <span className="plan-print-label">{t("print.deviations")}</span> {agreement.deviations}
            </p>
          )}
        </>
      )}

      <section className="plan-signatures" aria-label={t("print.signatures")}>
        <p className="plan-signature-line">{t("print.dateLine")}</p>
        <p className="plan-signature-line">{t("print.signatureOf", { role: t("print.client") })}</p>
        <p className="plan-signature-line">{t("print.signatureOf", { role: t("print.caseManager") })}</p>
      </section>
    </article>
  );
}

function MeasureList({ measures, missingOffer }: { measures: PlanMeasure[]; missingOffer: (description: string) => string }) {
  return (
    <ul>
      {measures.map((measure) => {
        const details = [measure.role, measure.responsibility, measure.timeframe].filter(Boolean);
        const provider = measure.offerTitle ?? measure.providerName;
        return (
          <li key={measure.id}>
            {measure.task}
            {provider && ` – ${provider}`}
            {details.length > 0 && ` (${details.join("; ")})`}
            {measure.isMissingOffer && ` – ${missingOffer(measure.missingOfferDescription)}`}
          </li>
        );
      })}
    </ul>
  );
}
