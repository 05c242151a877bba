import "server-only";
import { unstable_rethrow } from "next/navigation";
import { ZodError } from "zod";
import { isAppError, type ErrorCode } from "../errors/app-error";
import { logger } from "../log/logger";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; code: ErrorCode; context?: Record<string, unknown> };

/** Wraps a server action: typed result, never an exception's text to the user. */
export async function runAction<T>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (err) {
    unstable_rethrow(err);
    if (err instanceof ZodError) return { ok: false, code: "INVALID_INPUT" };
    if (isAppError(err)) return { ok: false, code: err.code, context: err.context };
    logger.error({ err }, "server action failed");
    return { ok: false, code: "INTERNAL" };
  }
}
