import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { SessionDetails } from "@/components/bodies/session-details";
import { requirePageAccess } from "@/components/shell/current-actor";
import { getServerCaller } from "@/components/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sessions");
  return { title: t("session.pageTitle") };
}

export default async function SessionPage({ params }: { params: Promise<{ sessionId: string }> }) {
  await requirePageAccess("sessions.view");
  const { sessionId } = await params;
  const t = await getTranslations("sessions");
  // Unknown, foreign and other bodies' sessions all look the same: a 404.
  const view = await (await getServerCaller()).sessions.get({ sessionId }).catch((error: unknown) => {
    if (error instanceof TRPCError && ["NOT_FOUND", "BAD_REQUEST"].includes(error.code)) notFound();
    throw error;
  });
  return (
    <>
      <p>
        <Link href="/bodies">{t("session.back")}</Link>
      </p>
      <h1>{view.session.title}</h1>
      <SessionDetails sessionId={sessionId} />
    </>
  );
}
