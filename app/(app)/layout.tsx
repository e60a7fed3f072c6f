import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { requireActor } from "@/components/shell/current-actor";
import { NavLinks } from "@/components/shell/nav-links";
import { navigationFor } from "@/components/shell/navigation";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { TRPCReactProvider } from "@/components/trpc/client";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const t = await getTranslations();
  const items = navigationFor(actor, t);
  return (
    <>
      <a href="#main" className="skip-link">
        {t("app.skipToContent")}
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <p className="brand">
            {t("app.name")} <span className="brand-tagline">{t("app.tagline")}</span>
          </p>
          <div className="app-user">
            <span>{t("app.signedInAs", { name: actor.displayName })}</span>
            <SignOutButton label={t("app.signOut")} />
          </div>
        </div>
        <NavLinks items={items} label={t("app.mainNavigation")} />
      </header>
      <TRPCReactProvider>
        <main id="main" className="app-main" tabIndex={-1}>
          {children}
        </main>
      </TRPCReactProvider>
    </>
  );
}
