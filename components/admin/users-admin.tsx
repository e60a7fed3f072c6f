"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Controller, type Control, type FieldPath, type FieldValues } from "react-hook-form";
import type { Role } from "@/server/schemas/roles";
import { createUserSchema, setUserPasswordSchema, updateUserSchema } from "@/server/schemas/users";
import { FormField, FormSelectField } from "../forms/form-field";
import { FormStatus } from "../forms/form-status";
import { setServerErrors } from "../forms/server-errors";
import { firstErrorMessage, useFormAlert, useZodForm, type ZodForm } from "../forms/use-zod-form";
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
  oidcSignInEnabled: boolean;
  isOidcIdentityBound: boolean;
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
  const setOidcSignIn = useMutation(trpc.users.setOidcSignIn.mutationOptions({ onSuccess: refresh }));

  return (
    <section aria-labelledby="users-title">
      <h2 id="users-title">{t("admin.users")}</h2>
      <FormStatus error={setActive.error?.message ?? setOidcSignIn.error?.message} success={status} />
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
              <td>
                {user.isActive ? t("admin.active") : t("admin.inactive")}
                {user.oidcSignInEnabled ? (
                  <>
                    <br />
                    {user.isOidcIdentityBound ? t("admin.oidcBound") : t("admin.oidcApproved")}
                  </>
                ) : null}
              </td>
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
                  <button
                    type="button"
                    className="button-link"
                    onClick={() =>
                      setOidcSignIn.mutate(
                        { id: user.id, enabled: !user.oidcSignInEnabled },
                        {
                          onSuccess: () =>
                            setStatus(t(user.oidcSignInEnabled ? "admin.oidcWithdrawn" : "admin.oidcEnabled", { name: user.displayName })),
                        },
                      )
                    }
                  >
                    {user.oidcSignInEnabled ? t("admin.oidcWithdraw") : t("admin.oidcEnable")}{" "}
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
  form,
  organisations,
}: {
  id: string;
  form: ZodForm<typeof createUserSchema> | ZodForm<typeof updateUserSchema>;
  organisations: Choices["organisations"];
}) {
  const t = useTranslations("admin");
  return (
    <FormSelectField
      form={form as ZodForm<typeof createUserSchema>}
      name="organisationId"
      id={id}
      label={t("organisation")}
      options={organisations}
      emptyLabel={t("noOrganisation")}
    />
  );
}

/** The role rows as one form value: the editor works on drafts, the form holds the tRPC input. */
function GrantsField<TValues extends FieldValues>({
  control,
  name,
  ...choices
}: Omit<Choices, "organisations"> & { control: Control<TValues, unknown, unknown>; name: FieldPath<TValues>; idPrefix: string }) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <RoleGrantsEditor
          idPrefix={choices.idPrefix}
          grants={(field.value as Parameters<typeof toGrantDraft>[0][]).map(toGrantDraft)}
          onChange={(drafts: GrantDraft[]) => field.onChange(drafts.map(toGrantInput))}
          kommunen={choices.kommunen}
          bodies={choices.bodies}
          error={firstErrorMessage(fieldState.error)}
        />
      )}
    />
  );
}

const firstGrant: GrantDraft = { role: "case_manager", scope: "" };

function CreateUserForm({ organisations, kommunen, bodies, onCreated }: Choices & { onCreated: () => Promise<void> }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const [success, setSuccess] = useState<string | null>(null);
  const form = useZodForm(createUserSchema, {
    defaultValues: { username: "", displayName: "", email: "", organisationId: "", password: "", grants: [toGrantInput(firstGrant)] },
  });
  const create = useMutation(trpc.users.create.mutationOptions({ onError: (error) => setServerErrors(form, error) }));

  const onSubmit = form.handleSubmit((values) => {
    setSuccess(null);
    create.mutate(values, {
      onSuccess: async (user) => {
        setSuccess(t("admin.created", { name: user.displayName }));
        form.reset();
        await onCreated();
      },
    });
  });
  const alert = useFormAlert(form, create.error);

  return (
    <form onSubmit={onSubmit} noValidate className="card" aria-labelledby="new-user-title">
      <h3 id="new-user-title">{t("admin.newUser")}</h3>
      <FormStatus error={alert} success={success} />
      <FormField form={form} name="username" id="new-user-username" label={t("admin.username")} hint={t("admin.usernameHint")}>
        {(control) => <input {...control} autoComplete="off" required />}
      </FormField>
      <FormField form={form} name="displayName" id="new-user-display-name" label={t("admin.displayName")}>
        {(control) => <input {...control} required />}
      </FormField>
      <FormField form={form} name="email" id="new-user-email" label={t("admin.email")}>
        {(control) => <input {...control} type="email" />}
      </FormField>
      <OrganisationSelect id="new-user-organisation" form={form} organisations={organisations} />
      <FormField form={form} name="password" id="new-user-password" label={t("admin.password")} hint={t("admin.passwordHint")}>
        {(control) => <input {...control} type="password" autoComplete="new-password" required />}
      </FormField>
      <GrantsField control={form.control} name="grants" idPrefix="new-user" kommunen={kommunen} bodies={bodies} />
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
  const form = useZodForm(updateUserSchema, {
    defaultValues: {
      id: user.id,
      displayName: user.displayName,
      email: user.email ?? "",
      organisationId: user.organisationId ?? "",
      grants: user.grants.map((grant) => ({ role: grant.role, kommuneId: grant.kommuneId, bodyId: grant.bodyId })),
      caseloadKey: user.caseloadKey ?? "",
    },
  });
  const passwordForm = useZodForm(setUserPasswordSchema, { defaultValues: { id: user.id, password: "" } });
  const update = useMutation(trpc.users.update.mutationOptions({ onError: (error) => setServerErrors(form, error) }));
  const setPassword = useMutation(trpc.users.setPassword.mutationOptions({ onError: (error) => setServerErrors(passwordForm, error) }));

  const onSubmit = form.handleSubmit((values) => {
    update.mutate(values, { onSuccess: () => onDone(t("admin.updated", { name: values.displayName })) });
  });
  const onSetPassword = passwordForm.handleSubmit((values) => {
    setPassword.mutate(values, { onSuccess: () => onDone(t("admin.passwordSet")) });
  });

  const updateAlert = useFormAlert(form, update.error);
  const passwordAlert = useFormAlert(passwordForm, setPassword.error, { hideWhenFieldsNamed: true });
  return (
    <div className="card">
      <form onSubmit={onSubmit} noValidate aria-labelledby="edit-user-title">
        <h3 id="edit-user-title">{t("admin.editUser", { name: user.displayName })}</h3>
        <FormStatus error={updateAlert} />
        <FormField form={form} name="displayName" id="edit-user-display-name" label={t("admin.displayName")}>
          {(control) => <input {...control} required />}
        </FormField>
        <FormField form={form} name="email" id="edit-user-email" label={t("admin.email")}>
          {(control) => <input {...control} type="email" />}
        </FormField>
        <OrganisationSelect id="edit-user-organisation" form={form} organisations={organisations} />
        <FormField form={form} name="caseloadKey" id="edit-user-caseload-key" label={t("admin.ownCaseloadKey")}>
          {(control) => <input {...control} type="number" min={1} max={200} />}
        </FormField>
        <GrantsField control={form.control} name="grants" idPrefix="edit-user" kommunen={kommunen} bodies={bodies} />
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
        <FormStatus error={passwordAlert} />
        <FormField
          form={passwordForm}
          name="password"
          id="edit-user-password"
          label={t("admin.newPassword")}
          hint={t("admin.passwordHint")}
        >
          {(control) => <input {...control} type="password" autoComplete="new-password" />}
        </FormField>
        <button type="submit" className="button-secondary" disabled={setPassword.isPending}>
          {t("admin.setPassword")}
        </button>
      </form>
    </div>
  );
}
