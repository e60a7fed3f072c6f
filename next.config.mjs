import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./server/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder lets several builds of one checkout coexist (parallel test runs).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  productionBrowserSourceMaps: false,
  // Packages the custom server also loads outside the bundle: one copy each (Yjs refuses two).
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@node-rs/argon2",
    "pino",
    "pdfkit",
    "exceljs",
    "yjs",
    "y-prosemirror",
    "y-protocols",
    "rate-limiter-flexible",
  ],
  typedRoutes: false,
  // forbidden(): a refused page answers 403 (app/(app)/forbidden.tsx), not a 200 that looks like a refusal.
  experimental: { authInterrupts: true },
  // `npm test` type-checks the whole project first; its build need not do it again.
  typescript: { ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === "1" },
};

export default withNextIntl(nextConfig);
