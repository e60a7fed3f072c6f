import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { requireActor } from "@/components/shell/current-actor";
import { OnlineNow } from "@/components/presence/online-now";
import { getDb } from "@/db";
import { canSomewhere } from "@/server/auth/policy";
import { getTenantOverview } from "@/server/tenancy/tenant-overview";

export default async function HomePage() {
  const actor = await requireActor();
  // A guest has no start page of their own: their conference is all they may see.
  if (actor.isGuest) redirect(actor.guestConferenceId ? `/conferences/${actor.guestConferenceId}` : "/sign-in");
  const t = await getTranslations();
  const roles = [...new Set(actor.grants.map((grant) => grant.role))];
  const overview = canSomewhere(actor, "users.read") ? await getTenantOverview(await getDb(), actor.tenantId) : null;
  return (
    <>
      <h1>{t("home.title", { name: actor.displayName })}</h1>
      <section aria-labelledby="roles-title" className="card">
        <h2 id="roles-title">{t("home.yourRoles")}</h2>
        <ul className="role-list">
          {roles.map((role) => (
            <li key={role}>
              <strong>{t(`roles.${role}`)}</strong>: {t(`home.${role}`)}
            </li>
          ))}
        </ul>
      </section>
      {overview && (
        <section aria-labelledby="counts-title" className="card">
          <h2 id="counts-title">{t("home.counts")}</h2>
          <dl className="figures">
            <div>
              <dt>{t("home.countKommunen")}</dt>
              <dd>{overview.kommunen}</dd>
            </div>
            <div>
              <dt>{t("home.countOrganisations")}</dt>
              <dd>{overview.organisations}</dd>
            </div>
            <div>
              <dt>{t("home.countBodies")}</dt>
              <dd>{overview.bodies}</dd>
            </div>
            <div>
              <dt>{t("home.countUsers")}</dt>
              <dd>{overview.users}</dd>
            </div>
          </dl>
        </section>
      )}
      <OnlineNow room="start" selfId={actor.userId} />
    </>
  );
}
