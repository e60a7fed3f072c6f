"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTRPC } from "../../trpc/client";

/** The moderator closes the meeting from the room; everyone goes on in the follow-up. */
export function FinishMeeting({ conferenceId, onError }: { conferenceId: string; onError: (message: string) => void }) {
  const t = useTranslations("conferences.room");
  const trpc = useTRPC();
  const router = useRouter();
  const finish = useMutation(
    trpc.conferences.setStatus.mutationOptions({
      onSuccess: () => router.push(`/conferences/${conferenceId}/nachbereitung`),
      onError: (error) => onError(error.message),
    }),
  );
  return (
    <button
      type="button"
      className="button-secondary"
      disabled={finish.isPending}
      onClick={() => {
        if (window.confirm(t("finishConfirm"))) finish.mutate({ conferenceId, status: "finished" });
      }}
    >
      {t("finish")}
    </button>
  );
}
