import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

/** Server environment, validated once; imported by next.config.ts so a bad deploy fails the build. */
export const env = createEnv({
  server: {
    DATABASE_URL: z.url(),
    AUTH_SECRET: z.string().min(32),
    BUSINESS_TIME_ZONE: z.string().default("Asia/Shanghai"),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  },
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  skipValidation: process.env.SKIP_ENV_VALIDATION === "1",
});
