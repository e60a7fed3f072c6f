import { getEnv } from "../config/env";
import { deriveIdentityKeys, type IdentityKeys } from "./identity-crypto";

let cached: { source: string; keys: IdentityKeys } | undefined;

/** The identity keys from IDENTITY_ENCRYPTION_KEY; without it identities can be neither written nor read. */
export function getIdentityKeys(): IdentityKeys {
  const source = process.env.IDENTITY_ENCRYPTION_KEY ?? getEnv().IDENTITY_ENCRYPTION_KEY;
  if (!source) throw new Error("IDENTITY_ENCRYPTION_KEY is not configured");
  if (cached?.source !== source) cached = { source, keys: deriveIdentityKeys(source) };
  return cached.keys;
}
