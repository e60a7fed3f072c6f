import { z } from "zod";

/** A link secret: 32 random bytes, base64url without padding. */
export const linkSecretPattern = /^[A-Za-z0-9_-]{43}$/;

/** A link secret in a form or request; a malformed one gets the same words as an unknown one. */
export function linkSecretSchema(invalidLinkMessage: string) {
  return z.string(invalidLinkMessage).regex(linkSecretPattern, invalidLinkMessage);
}
