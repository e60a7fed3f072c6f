"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Field } from "./field";

/**
 * A secret link shown exactly once (screening invitations, guest links, tracking links): read-only,
 * selected on focus, with a copy button that falls back to the selection where there is no
 * clipboard. `namespace` names the catalogue group holding label, once, validUntil, copy, copied
 * and copyFailed.
 */
export function OneTimeLink({
  id,
  link,
  validUntil,
  namespace,
  className = "notice",
}: {
  id: string;
  link: string;
  validUntil: string;
  namespace: string;
  className?: string;
}) {
  const t = useTranslations(namespace);
  const [copyStatus, setCopyStatus] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  // A new link is where the person's attention belongs: it is gone once they leave the page.
  useEffect(() => {
    input.current?.focus();
  }, [link]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopyStatus(t("copied"));
    } catch {
      // No clipboard outside secure contexts: leave the link selected for copying by hand.
      input.current?.select();
      setCopyStatus(t("copyFailed"));
    }
  }

  return (
    <div className={className}>
      <Field id={id} label={t("label")} hint={t("once")}>
        {(d) => <input id={id} ref={input} readOnly value={link} size={60} onFocus={(e) => e.currentTarget.select()} {...d} />}
      </Field>
      <p>{t("validUntil", { date: validUntil })}</p>
      <button type="button" className="button-secondary" onClick={() => void copy()}>
        {t("copy")}
      </button>
      <p role="status">{copyStatus}</p>
    </div>
  );
}
