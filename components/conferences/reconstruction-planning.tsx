"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useTRPC } from "../trpc/client";

/** Annual planning of Fallrekonstruktionen: progress against the target and who is next in turn. */
export function ReconstructionPlanning({ year }: { year: number }) {
  const t = useTranslations("conferences.annualPlan");
  const format = useFormatter();
  const trpc = useTRPC();
  const plan = useQuery(trpc.conferences.reconstructionPlan.queryOptions({ year }));
  if (plan.error)
    return (
      <p role="alert" className="form-error">
        {plan.error.message}
      </p>
    );
  const data = plan.data;
  if (!data) return null;
  return (
    <section aria-labelledby="annual-plan-title">
      <h2 id="annual-plan-title">{t("title", { year: data.year })}</h2>
      <label htmlFor="annual-plan-progress">{t("progress", { held: data.finished, planned: data.planned, target: data.target })}</label>
      <progress id="annual-plan-progress" max={data.target} value={Math.min(data.finished + data.planned, data.target)} />
      {data.finished + data.planned < data.target && <p>{t("stillToPlan", { count: data.target - data.finished - data.planned })}</p>}
      <h3>{t("rotation")}</h3>
      <p>{t("rotationHint")}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("person")}</th>
            <th scope="col">{t("organisation")}</th>
            <th scope="col">{t("lastInvited")}</th>
          </tr>
        </thead>
        <tbody>
          {data.rotation.map((person) => (
            <tr key={person.userId}>
              <td>{person.displayName}</td>
              <td>{person.organisationName ?? "—"}</td>
              <td>{person.lastInvitedAt ? format.dateTime(person.lastInvitedAt, { dateStyle: "medium" }) : t("never")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
