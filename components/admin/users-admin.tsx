"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import type { Role } from "@/server/schemas/roles";
import { Field } from "../forms/field";
import { FormStatus } from "../forms/form-status";
import { SelectField } from "../forms/select-field";
import { fieldErrorsOf } from "../forms/use-field-errors";
import { useTRPC } from "../trpc/client";
import { RoleGrantsEditor, toGrantDraft, toGrantInput, type GrantDraft } from "./role-grants-editor";

interface UserRow {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  organisationId: string | null;
  isActive: boolean;
  lastSignInAt: Date | null;
  caseloadKey: number | null;
  grants: { role: Role; kommuneId: string | null; bodyId: string | null }[];
}

export function UsersAdmin() {
  const t = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const users = useQuery(trpc.users.list.queryOptions());
  const organisations = useQuery(trpc.tenancy.listOrganisations.queryOptions());
  const kommunen = useQuery(trpc.tenancy.listKommunen.queryOptions());
  const bodies = useQuery(trpc.bodies.list.queryOptions());
  const organisationName = new Map(organisations.data?.map((o) => [o.id, o.name]));
  const [editing, setEditing] = useState<UserRow | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
  const setActive = useMutation(trpc.users.setActive.mutationOptions({ onSuccess: refresh }));

  return (
    <section aria-labelledby="users-title">
      <h2 id="users-title">{t("admin.users")}</h2>
      <FormStatus error={setActive.error?.message} success={status} />
      <table>
        <thead>
          <tr>
            <th scope="col">{t("admin.displayName")}</th>
            <th scope="col">{t("admin.username")}</th>
            <th scope="col">{t("admin.organisation")}</th>
            <th scope="col">{t("admin.roles")}</th>
            <th scope="col">{t("admin.status")}</th>
            <th scope="col">{t("admin.lastSignIn")}</th>
            <th scope="col">{t("admin.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {users.data?.map((user) => (
            <tr key={user.id}>
              <td>{user.displayName}</td>
              <td>{user.username}</td>
              <td>{user.organisationId ? organisationName.get(user.organisationId) : t("app.none")}</td>
              <td>{[...new Set(user.grants.map((g) => t(`roles.${g.role}`)))].join(", ")}</td>
              <td>{user.isActive ? t("admin.active") : t("admin.inactive")}</td>
              <td>
                {user.lastSignInAt ? format.dateTime(user.lastSignInAt, { dateStyle: "short", timeStyle: "short" }) : t("admin.never")}
              </td>
              <td>
                <div className="row-actions">
                  <button type="button" className="button-link" onClick={() => setEditing(user)}>
                    {t("app.edit")} <span className="visually-hidden">{user.displayName}</span>
                  </button>
                  <button
                    type="button"
                    className="button-link"
                    onClick={() =>
                      setActive.mutate(
                        { id: user.id, isActive: !user.isActive },
                        {
                          onSuccess: () =>
                            setStatus(t(user.isActive ? "admin.deactivated" : "admin.reactivated", { name: user.displayName })),
                        },
                      )
                    }
                  >
                    {user.isActive ? t("admin.deactivate") : t("admin.reactivate")}{" "}
                    <span className="visually-hidden">{user.displayName}</span>
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing ? (
        <EditUserForm
          key={editing.id}
          user={editing}
          organisations={organisations.data ?? []}
          kommunen={kommunen.data ?? []}
          bodies={bodies.data ?? []}
          onDone={async (message) => {
            setEditing(null);
            setStatus(message);
            await refresh();
          }}
        />
      ) : (
        <CreateUserForm
          organisations={organisations.data ?? []}
          kommunen={kommunen.data ?? []}
          bodies={bodies.data ?? []}
          onCreated={refresh}
        />
      )}
    </section>
  );
}

interface Choices {
  organisations: { id: string; name: string }[];
  kommunen: { id: string; name: string }[];
  bodies: { id: string; name: string }[];
}

function OrganisationSelect({
  id,
  organisations,
  defaultValue,
  error,
}: {
  id: string;
  organisations: Choices["organisations"];
  defaultValue: string;
  error?: string;
}) {
  const t = useTranslations("admin");
  return (
    <SelectField
      id={id}
      name="organisationId"
      label={t("organisation")}
      options={organisations}
      emptyLabel={t("noOrganisation")}
      defaultValue={defaultValue}
      error={error}
    />
  );
}

function CreateUserForm({ organisations, kommunen, bodies, onCreated }: Choices & { onCreated: () => Promise<void> }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const [grants, setGrants] = useState<GrantDraft[]>([{ role: "case_manager", scope: "" }]);
  const [success, setSuccess] = useState<string | null>(null);
  const create = useMutation(trpc.users.create.mutationOptions());
  const errors = fieldErrorsOf(create.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setSuccess(null);
    create.mutate(
      {
        username: String(form.get("username") ?? ""),
        displayName: String(form.get("displayName") ?? ""),
        email: String(form.get("email") ?? ""),
        organisationId: String(form.get("organisationId") ?? ""),
        password: String(form.get("password") ?? ""),
        grants: grants.map(toGrantInput),
      },
      {
        onSuccess: async (user) => {
          setSuccess(t("admin.created", { name: user.displayName }));
          formElement.reset();
          setGrants([{ role: "case_manager", scope: "" }]);
          await onCreated();
        },
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="card" aria-labelledby="new-user-title">
      <h3 id="new-user-title">{t("admin.newUser")}</h3>
      <FormStatus error={create.error?.message} success={success} />
      <Field id="new-user-username" label={t("admin.username")} hint={t("admin.usernameHint")} error={errors.username}>
        {(d) => <input id="new-user-username" name="username" autoComplete="off" required {...d} />}
      </Field>
      <Field id="new-user-display-name" label={t("admin.displayName")} error={errors.displayName}>
        {(d) => <input id="new-user-display-name" name="displayName" required {...d} />}
      </Field>
      <Field id="new-user-email" label={t("admin.email")} error={errors.email}>
        {(d) => <input id="new-user-email" name="email" type="email" {...d} />}
      </Field>
      <OrganisationSelect id="new-user-organisation" organisations={organisations} defaultValue="" error={errors.organisationId} />
      <Field id="new-user-password" label={t("admin.password")} hint={t("admin.passwordHint")} error={errors.password}>
        {(d) => <input id="new-user-password" name="password" type="password" autoComplete="new-password" required {...d} />}
      </Field>
      <RoleGrantsEditor
        idPrefix="new-user"
        grants={grants}
        onChange={setGrants}
        kommunen={kommunen}
        bodies={bodies}
        error={errors.grants}
      />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={create.isPending}>
          {create.isPending ? t("app.saving") : t("app.create")}
        </button>
      </div>
    </form>
  );
}

function EditUserForm({
  user,
  organisations,
  kommunen,
  bodies,
  onDone,
}: Choices & { user: UserRow; onDone: (message: string) => Promise<void> }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const [grants, setGrants] = useState<GrantDraft[]>(user.grants.map(toGrantDraft));
  const update = useMutation(trpc.users.update.mutationOptions());
  const setPassword = useMutation(trpc.users.setPassword.mutationOptions());
  const errors = fieldErrorsOf(update.error);
  const passwordErrors = fieldErrorsOf(setPassword.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    update.mutate(
      {
        id: user.id,
        displayName: String(form.get("displayName") ?? ""),
        email: String(form.get("email") ?? ""),
        organisationId: String(form.get("organisationId") ?? ""),
        grants: grants.map(toGrantInput),
        caseloadKey: String(form.get("caseloadKey") ?? ""),
      },
      { onSuccess: () => onDone(t("admin.updated", { name: String(form.get("displayName")) })) },
    );
  }

  function onSetPassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPassword.mutate({ id: user.id, password: String(form.get("password") ?? "") }, { onSuccess: () => onDone(t("admin.passwordSet")) });
  }

  return (
    <div className="card">
      <form onSubmit={onSubmit} noValidate aria-labelledby="edit-user-title">
        <h3 id="edit-user-title">{t("admin.editUser", { name: user.displayName })}</h3>
        <FormStatus error={update.error?.message} />
        <Field id="edit-user-display-name" label={t("admin.displayName")} error={errors.displayName}>
          {(d) => <input id="edit-user-display-name" name="displayName" defaultValue={user.displayName} required {...d} />}
        </Field>
        <Field id="edit-user-email" label={t("admin.email")} error={errors.email}>
          {(d) => <input id="edit-user-email" name="email" type="email" defaultValue={user.email ?? ""} {...d} />}
        </Field>
        <OrganisationSelect
          id="edit-user-organisation"
          organisations={organisations}
          defaultValue={user.organisationId ?? ""}
          error={errors.organisationId}
        />
        <Field id="edit-user-caseload-key" label={t("admin.ownCaseloadKey")} error={errors.caseloadKey}>
          {(d) => (
            <input
              id="edit-user-caseload-key"
              name="caseloadKey"
              type="number"
              min={1}
              max={200}
              defaultValue={user.caseloadKey ?? ""}
              {...d}
            />
          )}
        </Field>
        <RoleGrantsEditor
          idPrefix="edit-user"
          grants={grants}
          onChange={setGrants}
          kommunen={kommunen}
          bodies={bodies}
          error={errors.grants}
        />
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={update.isPending}>
            {update.isPending ? t("app.saving") : t("app.save")}
          </button>
          <button type="button" className="button-secondary" onClick={() => void onDone("")}>
            {t("app.cancel")}
          </button>
        </div>
      </form>
      <form onSubmit={onSetPassword} noValidate aria-labelledby="set-password-title">
        <h4 id="set-password-title">{t("admin.setPassword")}</h4>
        <FormStatus error={setPassword.error && !passwordErrors.password ? setPassword.error.message : null} />
        <Field id="edit-user-password" label={t("admin.newPassword")} hint={t("admin.passwordHint")} error={passwordErrors.password}>
          {(d) => <input id="edit-user-password" name="password" type="password" autoComplete="new-password" {...d} />}
        </Field>
        <button type="submit" className="button-secondary" disabled={setPassword.isPending}>
          {t("admin.setPassword")}
        </button>
      </form>
    </div>
  );
}
