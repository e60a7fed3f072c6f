import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PrintButton } from "@/components/bodies/print-button";
import { requirePageAccess } from "@/components/shell/current-actor";
import { getServerCaller } from "@/components/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sessions");
  return { title: t("invitation.pageTitle") };
}

/** The invitation with the agenda, laid out for printing. */
export default async function InvitationPage({ params }: { params: Promise<{ sessionId: string }> }) {
  await requirePageAccess("sessions.view");
  const { sessionId } = await params;
  const t = await getTranslations("sessions");
  const format = await getFormatter();
  const view = await (await getServerCaller()).sessions.get({ sessionId }).catch((error: unknown) => {
    if (error instanceof TRPCError && ["NOT_FOUND", "BAD_REQUEST"].includes(error.code)) notFound();
    throw error;
  });
  return (
    <article aria-labelledby="invitation-title">
      <p className="no-print">
        <Link href={`/bodies/sessions/${sessionId}`}>{t("invitation.back")}</Link> · <PrintButton label={t("invitation.print")} />
      </p>
      <h1 id="invitation-title">{t("invitation.title", { title: view.session.title })}</h1>
      <p>{view.body.name}</p>
      <p>
        {t("invitation.when", { date: format.dateTime(view.session.scheduledAt, { dateStyle: "full", timeStyle: "short" }) })}
        <br />
        {t("invitation.place", { place: view.session.place || "—" })}
      </p>
      <p>{t("invitation.text", { body: view.body.name })}</p>
      <h2>{t("invitation.agenda")}</h2>
      {view.agenda.length === 0 ? (
        <p>{t("agenda.empty")}</p>
      ) : (
        <ol>
          {view.agenda.map((item) => (
            <li key={item.id}>
              <strong>{item.title}</strong> <span className="muted">({t(`agendaKinds.${item.kind}`)})</span>
              {item.notes && <p>{item.notes}</p>}
            </li>
          ))}
        </ol>
      )}
      <h2>{t("invitation.members")}</h2>
      <ul>
        {view.attendance.map((person) => (
          <li key={person.key}>{[person.name, person.organisationName, person.function].filter(Boolean).join(", ")}</li>
        ))}
      </ul>
    </article>
  );
}
