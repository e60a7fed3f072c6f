"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import type { LifeArea } from "@/server/schemas/case-kinds";
import { useTRPC } from "../trpc/client";
import { AssessmentComparison } from "./assessment-comparison";
import { AssessmentForm } from "./assessment-form";
import { AssessmentOverview } from "./assessment-overview";

/** The Assessment tab of a case: overview of the eight areas, the form, and the history per area. */
export function AssessmentWorkspace({ caseId, canWrite }: { caseId: string; canWrite: boolean }) {
  const t = useTranslations("assessments");
  const trpc = useTRPC();
  const list = useQuery(trpc.cases.assessments.list.queryOptions({ caseId }));
  const compare = useQuery(trpc.cases.assessments.compare.queryOptions({ caseId }));
  const [lifeArea, setLifeArea] = useState<LifeArea>("legal_status");
  const formHeading = useRef<HTMLHeadingElement>(null);

  function record(area: LifeArea) {
    setLifeArea(area);
    formHeading.current?.focus();
    formHeading.current?.scrollIntoView({ block: "start" });
  }

  const error = list.error ?? compare.error;
  if (error) {
    return (
      <p role="alert" className="form-error">
        {error.message}
      </p>
    );
  }
  if (!list.data || !compare.data) return <p role="status">{t("loading")}</p>;
  return (
    <>
      <AssessmentOverview areas={compare.data} onRecord={canWrite ? record : undefined} />
      {canWrite ? (
        <AssessmentForm
          caseId={caseId}
          assessments={list.data}
          lifeArea={lifeArea}
          onLifeAreaChange={setLifeArea}
          headingRef={formHeading}
        />
      ) : (
        <p className="notice">{t("form.readOnly")}</p>
      )}
      <AssessmentComparison areas={compare.data} />
    </>
  );
}
