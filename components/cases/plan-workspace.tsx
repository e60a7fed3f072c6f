"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormStatus } from "../forms/form-status";
import { useTRPC } from "../trpc/client";
import { PlanAgreementForm } from "./plan-agreement-form";
import { useFormatDay } from "./plan-format-day";
import { PlanHelpPlan } from "./plan-help-plan";
import { PlanReferrals } from "./plan-referrals";
import { PlanReviewForm } from "./plan-review-form";
import type { PlanAgreement } from "./plan-types";

/** The goals tab: goal agreement, review of attainment, help plan and linking of one case. */
export function PlanWorkspace({ caseId }: { caseId: string }) {
  const t = useTranslations("plans");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const file = useQuery(trpc.cases.plans.file.queryOptions({ caseId }));
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.cases.plans.file.queryKey({ caseId }) });
    // The case header and lists show the next review date.
    router.refresh();
  };

  if (file.error)
    return (
      <p role="alert" className="form-error">
        {file.error.message}
      </p>
    );
  if (!file.data) return <p role="status">{t("loading")}</p>;
  const data = file.data;
  const current = data.agreements[0] ?? null;

  return (
    <>
      {!data.canWrite && <p className="plan-notice">{t("readOnly")}</p>}
      <section aria-labelledby="agreement-title" className="card wide">
        <h2 id="agreement-title">{t("agreement.title")}</h2>
        <AgreementSection caseId={caseId} current={current} earlier={data.agreements.slice(1)} canWrite={data.canWrite} onSaved={refresh} />
      </section>
      <section aria-labelledby="review-title" className="card wide">
        <h2 id="review-title">{t("review.title")}</h2>
        {current && current.goals.length > 0 ? (
          <PlanReviewForm key={current.id} caseId={caseId} agreement={current} canWrite={data.canWrite} onSaved={refresh} />
        ) : (
          <p>{t("review.noAgreement")}</p>
        )}
      </section>
      <section aria-labelledby="help-plan-title" className="card wide">
        <h2 id="help-plan-title">{t("helpPlan.title")}</h2>
        <PlanHelpPlan caseId={caseId} file={data} agreement={current} onChanged={refresh} />
      </section>
      <section aria-labelledby="referrals-title" className="card wide">
        <h2 id="referrals-title">{t("referrals.title")}</h2>
        <PlanReferrals caseId={caseId} file={data} onChanged={refresh} />
      </section>
    </>
  );
}

interface AgreementSectionProps {
  caseId: string;
  current: PlanAgreement | null;
  earlier: PlanAgreement[];
  canWrite: boolean;
  onSaved: () => Promise<void>;
}

function AgreementSection({ caseId, current, earlier, canWrite, onSaved }: AgreementSectionProps) {
  const t = useTranslations("plans");
  const tApp = useTranslations("app");
  const formatDay = useFormatDay();
  const [isStartingNew, setStartingNew] = useState(false);
  const [success, setSuccess] = useState<string | null>(null);
  const [saveCount, setSaveCount] = useState(0);
  const editing = isStartingNew ? null : current;

  return (
    <>
      {current ? <p>{t("agreement.current", { date: formatDay(current.agreedOn) })}</p> : <p>{t("agreement.none")}</p>}
      {/* Outside the form, so the message survives the form being rebuilt from the saved data. */}
      <FormStatus success={success} />
      {canWrite && current && (
        <p>
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              setSuccess(null);
              setStartingNew(!isStartingNew);
            }}
          >
            {isStartingNew ? t("agreement.editCurrent") : t("agreement.newAgreement")}
          </button>
        </p>
      )}
      <PlanAgreementForm
        key={`${editing?.id ?? "new"}-${saveCount}`}
        caseId={caseId}
        agreement={editing}
        canWrite={canWrite}
        onSaved={async (nextReviewOn) => {
          await onSaved();
          setStartingNew(false);
          setSaveCount((count) => count + 1);
          setSuccess(t("agreement.saved", { date: formatDay(nextReviewOn) }));
        }}
      />
      {earlier.length > 0 && (
        <details className="plan-earlier">
          <summary>{t("agreement.earlier")}</summary>
          <ul>
            {earlier.map((agreement) => (
              <li key={agreement.id}>
                {t("agreement.earlierEntry", { date: formatDay(agreement.agreedOn), review: formatDay(agreement.nextReviewOn) })} (
                {t("agreement.agreed", { answer: agreement.isAgreed ? tApp("yes") : tApp("no") })})
                <ol>
                  {agreement.goals.map((goal) => (
                    <li key={goal.id}>
                      {goal.title}
                      {goal.attainment && ` – ${t(`attainmentLevels.${goal.attainment}`)}`}
                    </li>
                  ))}
                </ol>
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
