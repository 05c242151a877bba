import { defineConfig } from "prisma/config";

// The datasource URL is only needed by Prisma's migrate/studio commands; the app and our own
// migrate command (lib/db/migrate.ts) get DATABASE_URL at run time.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/orderhub" },
});
