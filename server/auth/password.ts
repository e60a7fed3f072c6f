import { hash, verify } from "@node-rs/argon2";

// OWASP's argon2id parameters (19 MiB, 2 iterations, 1 lane); @node-rs/argon2 defaults to argon2id.
const argon2Options = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2Options);
}

let dummyHash: Promise<string> | undefined;

/** Verifies against a dummy hash when there is no user, so unknown names take as long as known ones. */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  dummyHash ??= hashPassword("timing-equaliser-not-a-password");
  const target = passwordHash ?? (await dummyHash);
  const matches = await verify(target, password).catch(() => false);
  return matches && passwordHash !== null;
}
