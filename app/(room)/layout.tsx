import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { requireActor } from "@/components/shell/current-actor";
import { TRPCReactProvider } from "@/components/trpc/client";

/** The meeting room and the beamer fill the screen: no app navigation, one way back in the room's own bar. */
export default async function RoomLayout({ children }: { children: ReactNode }) {
  await requireActor();
  const t = await getTranslations("app");
  return (
    <>
      <a href="#wall" className="skip-link">
        {t("skipToWall")}
      </a>
      <TRPCReactProvider>
        <main id="main" className="room-main" tabIndex={-1}>
          {children}
        </main>
      </TRPCReactProvider>
    </>
  );
}
