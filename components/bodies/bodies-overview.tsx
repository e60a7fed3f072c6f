"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Field } from "../forms/field";
import { FormStatus } from "../forms/form-status";
import { fieldErrorsOf } from "../forms/use-field-errors";
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
  const add = useMutation(
    trpc.bodies.addExternalMember.mutationOptions({
      onSuccess: async (member) => {
        setSuccess(t("externalAdded", { name: member.name }));
        await queryClient.invalidateQueries({ queryKey: trpc.bodies.overview.queryKey() });
      },
    }),
  );
  const errors = fieldErrorsOf(add.error);
  const id = (name: string) => `external-${bodyId}-${name}`;
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setSuccess(null);
    add.mutate(
      {
        bodyId,
        name: String(form.get("name") ?? ""),
        organisationName: String(form.get("organisationName") ?? ""),
        function: String(form.get("function") ?? ""),
      },
      { onSuccess: () => formElement.reset() },
    );
  }
  return (
    <details>
      <summary>{t("addExternal", { body: bodyName })}</summary>
      <form onSubmit={onSubmit} noValidate>
        <FormStatus error={add.error && !Object.keys(errors).length ? add.error.message : null} success={success} />
        <Field id={id("name")} label={t("externalName")} error={errors.name}>
          {(d) => <input id={id("name")} name="name" required {...d} />}
        </Field>
        <Field id={id("organisation")} label={t("externalOrganisation")} error={errors.organisationName}>
          {(d) => <input id={id("organisation")} name="organisationName" {...d} />}
        </Field>
        <Field id={id("function")} label={t("externalFunction")} error={errors.function}>
          {(d) => <input id={id("function")} name="function" {...d} />}
        </Field>
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
  const plan = useMutation(
    trpc.sessions.plan.mutationOptions({
      onSuccess: async (session) => {
        setSuccess({ id: session.id, title: session.title });
        await queryClient.invalidateQueries({ queryKey: trpc.sessions.list.queryKey() });
      },
    }),
  );
  const errors = fieldErrorsOf(plan.error);
  const id = (name: string) => `plan-${bodyId}-${name}`;
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const when = String(form.get("scheduledAt") ?? "");
    setSuccess(null);
    plan.mutate(
      {
        bodyId,
        title: String(form.get("title") ?? ""),
        scheduledAt: when ? new Date(when) : (undefined as unknown as Date),
        place: String(form.get("place") ?? ""),
      },
      { onSuccess: () => formElement.reset() },
    );
  }
  return (
    <details>
      <summary>{t("open", { body: bodyName })}</summary>
      <form onSubmit={onSubmit} noValidate>
        <div role="alert" className={plan.error && !Object.keys(errors).length ? "form-error" : undefined}>
          {plan.error && !Object.keys(errors).length ? plan.error.message : null}
        </div>
        <div role="status">
          {success && (
            <span className="form-success">
              {t("planned")} <Link href={`/bodies/sessions/${success.id}`}>{t("openSession", { title: success.title })}</Link>
            </span>
          )}
        </div>
        <Field id={id("title")} label={t("title")} error={errors.title}>
          {(d) => <input id={id("title")} name="title" required {...d} />}
        </Field>
        <Field id={id("when")} label={t("scheduledAt")} error={errors.scheduledAt}>
          {(d) => <input id={id("when")} name="scheduledAt" type="datetime-local" required {...d} />}
        </Field>
        <Field id={id("place")} label={t("place")} error={errors.place}>
          {(d) => <input id={id("place")} name="place" {...d} />}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={plan.isPending}>
            {plan.isPending ? tRoot("app.saving") : t("submit")}
          </button>
        </div>
      </form>
    </details>
  );
}
