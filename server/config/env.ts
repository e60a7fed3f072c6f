import { z } from "zod";

const optionalUrl = z.url().optional();

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOSTNAME: z.string().min(1).default("localhost"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
      .optional(),
    PGLITE_DATA_DIR: z.string().min(1).optional(),
    NEXTAUTH_URL: optionalUrl,
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    SESSION_MAX_AGE_SECONDS: z.coerce
      .number()
      .int()
      .min(300)
      .max(7 * 24 * 3600)
      .default(8 * 3600),
    OIDC_ISSUER: optionalUrl,
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_NAME: z.string().min(1).default("Single Sign-on"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** Master key for the encrypted identity records: 32 random bytes, base64. Embedded mode creates one. */
    IDENTITY_ENCRYPTION_KEY: z
      .string()
      .refine((value) => Buffer.from(value, "base64").length === 32, "must be 32 bytes, base64-encoded")
      .optional(),
    /**
     * Key of the audit log's seal (32 random bytes, base64): kept outside the database, so that its
     * administrator cannot rewrite history unnoticed. Embedded mode creates one.
     */
    AUDIT_CHAIN_KEY: z
      .string()
      .refine((value) => Buffer.from(value, "base64").length === 32, "must be 32 bytes, base64-encoded")
      .optional(),
    /**
     * The database owner, for migrations only; DATABASE_URL then names a role that owns no tables
     * and gets exactly the rights the application needs.
     */
    DATABASE_MIGRATION_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
      .optional(),
    /** Fixed password for all demo users (browser tests); random and printed once when unset. */
    DEMO_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
    SIGN_IN_ATTEMPTS_PER_15_MINUTES: z.coerce.number().int().min(1).default(10),
    /** Behind a reverse proxy: the header in which it passes on the client's address (e.g. X-Forwarded-For). */
    TRUSTED_PROXY_HEADER: z
      .string()
      .regex(/^[A-Za-z0-9-]+$/, "must be a header name")
      .optional(),
    /** With several nodes: this node's name, sent as X-Kim-Node so operators see which node answered. */
    KIM_NODE_NAME: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,32}$/, "must be 1 to 32 letters, digits, dots, dashes or underscores")
      .optional(),
  })
  .superRefine((env, ctx) => {
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      ctx.addIssue({
        code: "custom",
        path: ["OIDC_ISSUER"],
        message: "OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together",
      });
    }
    if (env.NODE_ENV === "production" && env.DATABASE_URL && !env.IDENTITY_ENCRYPTION_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["IDENTITY_ENCRYPTION_KEY"],
        message:
          "must be set when running on a PostgreSQL server in production: the key to the identities is kept apart from the database, never in a file beside it",
      });
    }
    if (env.NODE_ENV === "production" && env.DATABASE_URL && !env.AUDIT_CHAIN_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["AUDIT_CHAIN_KEY"],
        message: "is required when running on a PostgreSQL server in production",
      });
    }
    if (env.DATABASE_MIGRATION_URL && !env.DATABASE_URL) {
      ctx.addIssue({ code: "custom", path: ["DATABASE_MIGRATION_URL"], message: "needs DATABASE_URL for the application's own role" });
    }
    if (env.NODE_ENV === "production" && env.DATABASE_URL && !env.NEXTAUTH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["NEXTAUTH_SECRET"],
        message: "is required when running on a PostgreSQL server in production",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class InvalidEnvironmentError extends Error {}

/** Parses the environment; the error names every bad variable so a start fails with a clear reason. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new InvalidEnvironmentError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
