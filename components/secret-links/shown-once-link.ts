"use client";

import { useState } from "react";

/** A link with a secret just created: the full address and when it stops working. */
export interface ShownOnceLink {
  url: string;
  expiresAt: Date;
}

/**
 * The server answers with a path ("/gast/…"); the person passes the link on by mail or phone, so it
 * is shown as a full address on this site's origin. A full address from the server stays as it is.
 */
export function absoluteLink(link: string, origin: string): string {
  return new URL(link, origin).toString();
}

/**
 * The link a person has just created, held only in this page's memory: the secret is shown once and
 * gone when they leave, since the server keeps only its hash.
 */
export function useShownOnceLink() {
  const [link, setLink] = useState<ShownOnceLink | null>(null);
  return {
    link,
    show: (created: { link: string; expiresAt: Date }) =>
      setLink({ url: absoluteLink(created.link, window.location.origin), expiresAt: created.expiresAt }),
    clear: () => setLink(null),
  };
}
