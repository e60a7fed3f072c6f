"use client";

import { useTranslations } from "next-intl";
import { SharedEditor } from "../shared-documents/shared-editor";

/** The conference's shared protocol notes: one text everyone present writes in together. */
export function SharedNotes({ conferenceId }: { conferenceId: string }) {
  const t = useTranslations("formulations.notes");
  return (
    <section aria-labelledby="shared-notes-title">
      <h2 id="shared-notes-title">{t("title")}</h2>
      <SharedEditor id="shared-notes" address={{ conferenceId, key: "notes" }} label={t("label")} hint={t("hint")} />
    </section>
  );
}
