"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { FormStatus } from "../forms/form-status";
import { useTRPC } from "../trpc/client";

/** The protocol's versions with their PDF downloads; the moderator generates a new one. */
export function ConferenceProtocol({ conferenceId }: { conferenceId: string }) {
  const t = useTranslations("workPackages.protocol");
  const format = useFormatter();
  const trpc = useTRPC();
  const protocols = useQuery(trpc.conferences.protocol.list.queryOptions({ conferenceId }));
  const [success, setSuccess] = useState<string | null>(null);
  const generate = useMutation(
    trpc.conferences.protocol.generate.mutationOptions({
      onSuccess: async (created) => {
        setSuccess(t("generated", { version: created.version }));
        await protocols.refetch();
      },
    }),
  );

  const data = protocols.data;
  return (
    <section aria-labelledby="protocol-title">
      <h2 id="protocol-title">{t("heading")}</h2>
      <p className="muted">{t("intro")}</p>
      {protocols.error && (
        <p role="alert" className="form-error">
          {protocols.error.message}
        </p>
      )}
      <FormStatus error={generate.error?.message} success={success} />
      {data?.mayGenerate && (
        <button
          type="button"
          className="button-primary"
          disabled={generate.isPending}
          onClick={() => {
            setSuccess(null);
            generate.mutate({ conferenceId });
          }}
        >
          {t("generate")}
        </button>
      )}
      {data && data.versions.length === 0 && <p>{t("empty")}</p>}
      {data && data.versions.length > 0 && (
        <>
          <h3>{t("versions")}</h3>
          <ul>
            {data.versions.map((v) => (
              <li key={v.version}>
                {t("versionLine", {
                  version: v.version,
                  date: format.dateTime(new Date(v.createdAt), { dateStyle: "medium", timeStyle: "short" }),
                  name: v.createdByName,
                })}{" "}
                <a href={`/api/conferences/${conferenceId}/protocol/${v.version}`} download>
                  {t("download", { version: v.version })}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
