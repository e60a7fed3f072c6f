"use client";

import { useTranslations } from "next-intl";
import { roles, type Role } from "@/server/schemas/roles";

export interface GrantDraft {
  role: Role;
  /** "" for the whole programme, "kommune:<id>" or "body:<id>". */
  scope: string;
}

export function toGrantInput(grant: GrantDraft) {
  const [kind, id] = grant.scope.split(":");
  return { role: grant.role, kommuneId: kind === "kommune" ? id! : null, bodyId: kind === "body" ? id! : null };
}

export function toGrantDraft(grant: { role: Role; kommuneId: string | null; bodyId: string | null }): GrantDraft {
  return { role: grant.role, scope: grant.kommuneId ? `kommune:${grant.kommuneId}` : grant.bodyId ? `body:${grant.bodyId}` : "" };
}

interface Props {
  idPrefix: string;
  grants: GrantDraft[];
  onChange: (grants: GrantDraft[]) => void;
  kommunen: { id: string; name: string }[];
  bodies: { id: string; name: string }[];
  error?: string;
}

/** Roles with their scope, as a list of rows that can be added and removed by keyboard. */
export function RoleGrantsEditor({ idPrefix, grants, onChange, kommunen, bodies, error }: Props) {
  const t = useTranslations("admin");
  const tRoles = useTranslations("roles");
  const update = (index: number, patch: Partial<GrantDraft>) =>
    onChange(grants.map((grant, i) => (i === index ? { ...grant, ...patch } : grant)));
  const errorId = error ? `${idPrefix}-grants-error` : undefined;
  return (
    <fieldset className={error ? "field-invalid" : undefined} aria-describedby={errorId}>
      <legend>{t("roles")}</legend>
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
      {grants.map((grant, index) => (
        <div className="grant-row" key={index}>
          <div className="field">
            <label htmlFor={`${idPrefix}-role-${index}`}>
              {t("role")} {index + 1}
            </label>
            <select id={`${idPrefix}-role-${index}`} value={grant.role} onChange={(e) => update(index, { role: e.target.value as Role })}>
              {roles.map((role) => (
                <option key={role} value={role}>
                  {tRoles(role)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${idPrefix}-scope-${index}`}>
              {t("scope")} {index + 1}
            </label>
            <select id={`${idPrefix}-scope-${index}`} value={grant.scope} onChange={(e) => update(index, { scope: e.target.value })}>
              <option value="">{t("scopeTenant")}</option>
              {kommunen.map((kommune) => (
                <option key={kommune.id} value={`kommune:${kommune.id}`}>
                  {t("scopeKommune", { name: kommune.name })}
                </option>
              ))}
              {bodies.map((body) => (
                <option key={body.id} value={`body:${body.id}`}>
                  {t("scopeBody", { name: body.name })}
                </option>
              ))}
            </select>
          </div>
          <button type="button" className="button-link" onClick={() => onChange(grants.filter((_, i) => i !== index))}>
            {t("removeRole", { index: index + 1 })}
          </button>
        </div>
      ))}
      <button type="button" className="button-secondary" onClick={() => onChange([...grants, { role: "case_manager", scope: "" }])}>
        {t("addRole")}
      </button>
    </fieldset>
  );
}
