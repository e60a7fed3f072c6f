import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

// Every test file runs on embedded PGlite, and again on a real PostgreSQL server when
// TEST_DATABASE_URL is set (CI sets it).
const drivers = ["pglite", ...(process.env.TEST_DATABASE_URL ? ["postgres"] : [])];

export default defineConfig({
  resolve: { alias: [{ find: /^@\//, replacement: `${root}${path.sep}` }] },
  test: {
    include: ["server/**/*.test.ts", "db/**/*.test.ts", "components/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: drivers.map((driver) => ({
      extends: true,
      test: {
        name: driver,
        env: {
          TEST_DB_DRIVER: driver,
          LOG_LEVEL: "silent",
          // A fixed key for tests only; real deployments set their own or let the server create one.
          IDENTITY_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
          AUDIT_CHAIN_KEY: Buffer.alloc(32, 5).toString("base64"),
        },
      },
    })),
  },
});
