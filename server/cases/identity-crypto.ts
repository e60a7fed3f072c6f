import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { AppError } from "../errors";
import { foldForMatching } from "./identity-folding";

/**
 * Field-level encryption of the Aktendeckblatt. AES-256-GCM with a random 96-bit nonce per write;
 * the case id is bound as additional data, so a ciphertext copied to another case fails to open.
 * Two keys are derived from one master key: one encrypts, one computes the blind index.
 */
const nonceLength = 12;
const tagLength = 16;

export interface IdentityKeys {
  encryption: Buffer;
  blindIndex: Buffer;
}

export function deriveIdentityKeys(masterKeyBase64: string): IdentityKeys {
  const master = Buffer.from(masterKeyBase64, "base64");
  if (master.length !== 32) throw new Error("IDENTITY_ENCRYPTION_KEY must be 32 bytes, base64-encoded");
  const derive = (info: string) => Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), info, 32));
  return { encryption: derive("kim identity encryption v1"), blindIndex: derive("kim identity blind index v1") };
}

export function encryptIdentity(keys: IdentityKeys, caseId: string, plaintext: string): Buffer {
  const nonce = randomBytes(nonceLength);
  const cipher = createCipheriv("aes-256-gcm", keys.encryption, nonce);
  cipher.setAAD(Buffer.from(caseId));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), body]);
}

/** Fails closed: any change to the stored bytes, or the wrong case, is an error, never garbage. */
export function decryptIdentity(keys: IdentityKeys, caseId: string, stored: Buffer): string {
  try {
    const data = Buffer.from(stored);
    const decipher = createDecipheriv("aes-256-gcm", keys.encryption, data.subarray(0, nonceLength));
    decipher.setAAD(Buffer.from(caseId));
    decipher.setAuthTag(data.subarray(nonceLength, nonceLength + tagLength));
    return Buffer.concat([decipher.update(data.subarray(nonceLength + tagLength)), decipher.final()]).toString("utf8");
  } catch {
    throw new AppError("CONFLICT", "cases.errors.identityUnreadable");
  }
}

/** Marks index values computed by the current rules; older values are recomputed at start. */
export const blindIndexPrefix = "v2.";

/**
 * One name as the index compares it: the shared spelling-independent form without spaces, so
 * Müller, Mueller, Muller and Мюллер, or Петров and Petrov, are the same name, while different
 * names in any script stay different. A script the transliteration does not know keeps its
 * letters (NFKC, lower case) instead of becoming empty.
 */
function nameKey(value: string): string {
  return (
    foldForMatching(value).replace(/ /g, "") ||
    value
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]/gu, "")
  );
}

/**
 * Keyed blind index of name and birth date within a tenant: equal for the same person however the
 * name is spelled (case, accents, umlauts, Latin or Cyrillic script), useless without the key.
 * Arabic script is compared as transliterated (consonants only), so a Latin spelling of an Arabic
 * name is a different name here: the index refuses a second case, and a guessed vowel must not
 * refuse another person.
 */
export function blindIndexOf(
  keys: IdentityKeys,
  tenantId: string,
  person: { lastName: string; firstName: string; birthDate: string },
): string {
  const digest = createHmac("sha256", keys.blindIndex)
    .update([tenantId, nameKey(person.lastName), nameKey(person.firstName), person.birthDate].join("|"))
    .digest("base64url");
  return `${blindIndexPrefix}${digest}`;
}
