import { describe, expect, it } from "vitest";
import { InvalidEnvironmentError, parseEnv } from "./env";

describe("configuration", () => {
  it("starts with defaults on an empty environment (embedded database)", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("names every bad variable", () => {
    const attempt = () => parseEnv({ PORT: "einhundert", DATABASE_URL: "mysql://x", NEXTAUTH_SECRET: "kurz" });
    expect(attempt).toThrow(InvalidEnvironmentError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      for (const name of ["PORT", "DATABASE_URL", "NEXTAUTH_SECRET"]) expect(message).toContain(name);
    }
  });

  it("wants OpenID Connect configured completely or not at all", () => {
    expect(() => parseEnv({ OIDC_CLIENT_ID: "kim" })).toThrow(/OIDC_ISSUER/);
    expect(
      parseEnv({ OIDC_ISSUER: "https://sso.kreis.example/realms/kim", OIDC_CLIENT_ID: "kim", OIDC_CLIENT_SECRET: "s" }).OIDC_NAME,
    ).toBe("Single Sign-on");
  });

  it("demands a session secret in production on a PostgreSQL server", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://db/kim" })).toThrow(/NEXTAUTH_SECRET/);
  });

  it("demands the audit seal's key in production on a PostgreSQL server, since the database must not hold it", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://db/kim" })).toThrow(/AUDIT_CHAIN_KEY/);
    expect(() => parseEnv({ DATABASE_MIGRATION_URL: "postgres://owner@db/kim" })).toThrow(/DATABASE_MIGRATION_URL/);
  });

  it("takes a plain node name for the X-Kim-Node header and refuses anything that could split a header", () => {
    expect(parseEnv({ KIM_NODE_NAME: "kim-node-2" }).KIM_NODE_NAME).toBe("kim-node-2");
    expect(() => parseEnv({ KIM_NODE_NAME: "a\r\nSet-Cookie: x=1" })).toThrow(/KIM_NODE_NAME/);
    expect(() => parseEnv({ KIM_NODE_NAME: "x".repeat(33) })).toThrow(/KIM_NODE_NAME/);
  });
});
