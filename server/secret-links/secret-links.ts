import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { linkSecretPattern } from "../schemas/secret-links";

/**
 * The links that carry a secret and authorise without a session. Each kind has its public path,
 * how long a link lives, whether it is used once, and the budgets of look-ups per address and window.
 *
 * - `guest`: a conference guest's personal link; reusable until it expires or the guest is revoked.
 * - `screening`: a partner organisation refers one person; the first submission uses it up; the case
 *   manager can revoke it (its expiry is set to now).
 * - `tracking`: the responsible actor reports on a work package; reusable until it expires; a new
 *   link replaces the previous one.
 */
export const secretLinkKinds = {
  guest: { path: "/gast", singleUse: false, budgets: { lookup: 40 }, rateLimitedMessage: "guests.errors.rateLimited" },
  screening: { path: "/screening", singleUse: true, budgets: { submit: 20 }, rateLimitedMessage: "invitations.errors.rateLimited" },
  tracking: {
    path: "/arbeitspaket",
    singleUse: false,
    budgets: { lookup: 60, report: 20 },
    rateLimitedMessage: "workPackages.errors.rateLimited",
  },
} as const;

export type SecretLinkKind = keyof typeof secretLinkKinds;
export type SecretLinkAction<K extends SecretLinkKind> = keyof (typeof secretLinkKinds)[K]["budgets"];

/** Every budget counts per address in windows of this length. */
export const linkBudgetWindowSeconds = 15 * 60;

export interface NewLinkSecret {
  /** The raw secret: it leaves the server once, in the answer to whoever created the link. */
  token: string;
  /** Only this is stored: a copy of the database does not contain a usable link. */
  tokenHash: string;
  /** The path to hand out, e.g. `/gast/<token>`. */
  link: string;
  expiresAt: Date;
}

export function hashLinkSecret(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Whether a presented secret is the one whose hash is stored, in constant time (every stored hash is
 * 64 hex characters, so the length check tells nothing).
 */
export function matchesSecretHash(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashLinkSecret(secret));
  const stored = Buffer.from(storedHash);
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

/** A new secret for a link of this kind, valid for a number of days or until a given moment. */
export function createLinkSecret(kind: SecretLinkKind, validity: number | Date, now = Date.now()): NewLinkSecret {
  const token = randomBytes(32).toString("base64url");
  return {
    token,
    tokenHash: hashLinkSecret(token),
    link: `${secretLinkKinds[kind].path}/${token}`,
    expiresAt: validity instanceof Date ? validity : new Date(now + validity * 86_400_000),
  };
}

/** The hash to look a presented secret up by, or null for one that cannot be a secret at all. */
export function lookupHashOf(token: string): string | null {
  return linkSecretPattern.test(token) ? hashLinkSecret(token) : null;
}

const secretPaths = new RegExp(
  `^(${Object.values(secretLinkKinds)
    .map((kind) => kind.path.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"))
    .join("|")})/[^/?#]+`,
);

/** A request path with any link secret replaced, for logs: the secrets are credentials. */
export function withoutLinkSecret(path: string): string {
  return path.replace(secretPaths, "$1/[token]");
}
