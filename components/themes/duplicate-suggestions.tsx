"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { FormStatus } from "../forms/form-status";
import { useTRPC } from "../trpc/client";

/** Themes that read alike, for the coordination to merge with one click (reversible on the theme page). */
export function DuplicateSuggestions() {
  const t = useTranslations("themes");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const suggestions = useQuery(trpc.themes.duplicates.queryOptions());
  const merge = useMutation(
    trpc.themes.merge.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.themes.duplicates.queryKey() });
        router.refresh();
      },
    }),
  );
  return (
    <section aria-labelledby="duplicates-title" className="card">
      <h2 id="duplicates-title">{t("duplicates.title")}</h2>
      <p>{t("duplicates.intro")}</p>
      <FormStatus error={merge.error?.message} success={merge.isSuccess ? t("duplicates.merged") : null} />
      {suggestions.data && suggestions.data.length === 0 && <p>{t("duplicates.empty")}</p>}
      {suggestions.data && suggestions.data.length > 0 && (
        <ul>
          {suggestions.data.map(({ themes: [first, second], sharedWords }) => (
            <li key={`${first.id}-${second.id}`}>
              <Link href={`/themes/${first.id}`}>{first.title}</Link> · <Link href={`/themes/${second.id}`}>{second.title}</Link>{" "}
              <span className="muted">({t("duplicates.shared", { count: sharedWords })})</span>{" "}
              <button
                type="button"
                className="button-secondary"
                disabled={merge.isPending}
                onClick={() => merge.mutate({ targetThemeId: first.id, mergedThemeId: second.id })}
              >
                {t("duplicates.merge", { merged: second.title, target: first.title })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
