"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { addExternalMemberSchema, planSessionSchema } from "@/server/schemas/sessions";
import { FormField } from "../forms/form-field";
import { FormStatus } from "../forms/form-status";
import { setServerErrors } from "../forms/server-errors";
import { useFormAlert, useZodForm } from "../forms/use-zod-form";
import type { AppRouter } from "@/server/app-router";
import { useTRPC } from "../trpc/client";

/** The bodies the viewer may see, their members and sessions; the coordination manages both here. */
export function BodiesOverview({ canViewSessions }: { canViewSessions: boolean }) {
  const t = useTranslations("sessions");
  const tRoot = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const overview = useQuery(trpc.bodies.overview.queryOptions());
  const sessions = useQuery({ ...trpc.sessions.list.queryOptions(), enabled: canViewSessions });
  if (!overview.data) return <p>{tRoot("app.loading")}</p>;
  const { bodies, canManage } = overview.data;
  const parentName = new Map(bodies.map((b) => [b.id, b.name]));
  if (bodies.length === 0) return <p>{t("bodies.empty")}</p>;
  return (
    <>
      {bodies.map((body) => {
        const own = sessions.data?.filter((s) => s.bodyId === body.id) ?? [];
        return (
          <section key={body.id} aria-labelledby={`body-${body.id}`} className="card">
            <h2 id={`body-${body.id}`}>{body.name}</h2>
            <p className="muted">
              {tRoot(`bodyKinds.${body.kind}`)}
              {body.parentBodyId && parentName.has(body.parentBodyId) && (
                <> · {t("bodies.subGroupOf", { name: parentName.get(body.parentBodyId)! })}</>
              )}
            </p>
            <h3>{t("bodies.members")}</h3>
            <Members body={body} canManage={canManage} />
            {canManage && <AddExternalMember bodyId={body.id} bodyName={body.name} />}
            {canViewSessions && (
              <>
                <h3>{t("bodies.sessions")}</h3>
                {own.length === 0 ? (
                  <p>{t("bodies.noSessions")}</p>
                ) : (
                  <ul>
                    {own.map((s) => (
                      <li key={s.id}>
                        <Link href={`/bodies/sessions/${s.id}`}>{s.title}</Link> –{" "}
                        {format.dateTime(s.scheduledAt, { dateStyle: "medium", timeStyle: "short" })}{" "}
                        <span className="status-badge">{t(`statuses.${s.status}`)}</span>
                      </li>
                    ))}
                  </ul>
                )}
                {canManage && <PlanSession bodyId={body.id} bodyName={body.name} />}
              </>
            )}
          </section>
        );
      })}
    </>
  );
}

type OverviewBody = inferRouterOutputs<AppRouter>["bodies"]["overview"]["bodies"][number];

/** A body's members; the status after a removal stays when the removed person's line goes. */
function Members({ body, canManage }: { body: OverviewBody; canManage: boolean }) {
  const t = useTranslations("sessions.bodies");
  const [removed, setRemoved] = useState<string | null>(null);
  return (
    <>
      <FormStatus error={null} success={removed} />
      {body.members.length === 0 && body.externalMembers.length === 0 ? (
        <p>{t("noMembers")}</p>
      ) : (
        <ul>
          {body.members.map((m) => (
            <li key={m.userId}>{m.organisationName ? `${m.name} (${m.organisationName})` : m.name}</li>
          ))}
          {body.externalMembers.map((m) => (
            <li key={m.id}>
              {[m.name, m.organisationName, m.function].filter(Boolean).join(", ")} <span className="muted">({t("external")})</span>
              {canManage && <RemoveExternalMember id={m.id} name={m.name} onRemoved={setRemoved} />}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function RemoveExternalMember({ id, name, onRemoved }: { id: string; name: string; onRemoved: (message: string) => void }) {
  const t = useTranslations("sessions.bodies");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.bodies.removeExternalMember.mutationOptions({
      onSuccess: async ({ keptOnAttendanceLists }) => {
        onRemoved(t(keptOnAttendanceLists ? "externalRemovedKept" : "externalRemoved", { name }));
        await queryClient.invalidateQueries({ queryKey: trpc.bodies.overview.queryKey() });
      },
    }),
  );
  return (
    <>
      {" "}
      <button
        type="button"
        className="button-secondary"
        onClick={() => remove.mutate({ externalMemberId: id })}
        disabled={remove.isPending}
      >
        {t("removeExternal", { name })}
      </button>
      {remove.error && (
        <span role="alert" className="form-error">
          {" "}
          {remove.error.message}
        </span>
      )}
    </>
  );
}

function AddExternalMember({ bodyId, bodyName }: { bodyId: string; bodyName: string }) {
  const t = useTranslations("sessions.bodies");
  const tRoot = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [success, setSuccess] = useState<string | null>(null);
  const form = useZodForm(addExternalMemberSchema, { defaultValues: { bodyId, name: "", organisationName: "", function: "" } });
  const add = useMutation(
    trpc.bodies.addExternalMember.mutationOptions({
      onSuccess: async (member) => {
        setSuccess(t("externalAdded", { name: member.name }));
        await queryClient.invalidateQueries({ queryKey: trpc.bodies.overview.queryKey() });
      },
      onError: (error) => setServerErrors(form, error),
    }),
  );
  const alert = useFormAlert(form, add.error, { hideWhenFieldsNamed: true });
  const id = (name: string) => `external-${bodyId}-${name}`;
  const onSubmit = form.handleSubmit((values) => {
    setSuccess(null);
    add.mutate(values, { onSuccess: () => form.reset() });
  });
  return (
    <details>
      <summary>{t("addExternal", { body: bodyName })}</summary>
      <form onSubmit={onSubmit} noValidate>
        <FormStatus error={alert} success={success} />
        <FormField form={form} name="name" id={id("name")} label={t("externalName")}>
          {(control) => <input {...control} required />}
        </FormField>
        <FormField form={form} name="organisationName" id={id("organisation")} label={t("externalOrganisation")}>
          {(control) => <input {...control} />}
        </FormField>
        <FormField form={form} name="function" id={id("function")} label={t("externalFunction")}>
          {(control) => <input {...control} />}
        </FormField>
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={add.isPending}>
            {add.isPending ? tRoot("app.saving") : t("addExternalSubmit")}
          </button>
        </div>
      </form>
    </details>
  );
}

function PlanSession({ bodyId, bodyName }: { bodyId: string; bodyName: string }) {
  const t = useTranslations("sessions.plan");
  const tRoot = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [success, setSuccess] = useState<{ id: string; title: string } | null>(null);
  // datetime-local is the browser's local time; the schema turns it into a Date.
  const form = useZodForm(planSessionSchema, { defaultValues: { bodyId, title: "", scheduledAt: "", place: "" } });
  const plan = useMutation(
    trpc.sessions.plan.mutationOptions({
      onSuccess: async (session) => {
        setSuccess({ id: session.id, title: session.title });
        await queryClient.invalidateQueries({ queryKey: trpc.sessions.list.queryKey() });
      },
      onError: (error) => setServerErrors(form, error),
    }),
  );
  const alert = useFormAlert(form, plan.error, { hideWhenFieldsNamed: true });
  const id = (name: string) => `plan-${bodyId}-${name}`;
  const onSubmit = form.handleSubmit((values) => {
    setSuccess(null);
    plan.mutate(values, { onSuccess: () => form.reset() });
  });
  return (
    <details>
      <summary>{t("open", { body: bodyName })}</summary>
      <form onSubmit={onSubmit} noValidate>
        <div role="alert" className={alert ? "form-error" : undefined}>
          {alert}
        </div>
        <div role="status">
          {success && (
            <span className="form-success">
              {t("planned")} <Link href={`/bodies/sessions/${success.id}`}>{t("openSession", { title: success.title })}</Link>
            </span>
          )}
        </div>
        <FormField form={form} name="title" id={id("title")} label={t("title")}>
          {(control) => <input {...control} required />}
        </FormField>
        <FormField form={form} name="scheduledAt" id={id("when")} label={t("scheduledAt")}>
          {(control) => <input {...control} type="datetime-local" required />}
        </FormField>
        <FormField form={form} name="place" id={id("place")} label={t("place")}>
          {(control) => <input {...control} />}
        </FormField>
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={plan.isPending}>
            {plan.isPending ? tRoot("app.saving") : t("submit")}
          </button>
        </div>
      </form>
    </details>
  );
}
