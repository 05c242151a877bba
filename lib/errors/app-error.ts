/**
 * Stable error codes. The user never sees an exception's text: the UI shows
 * t(`errors.${code}`) from messages/<locale>.json (a unit test checks both locales cover every code).
 */
export const ERROR_CODES = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "USER_DEACTIVATED",
  "INVALID_INPUT",
  "INVALID_SEARCH",
  "INVALID_PAGE",
  "CONFLICT",
  "NOT_FOUND",
  "ORDER_NOT_FOUND",
  "LOGIN_FAILED",
  "LOGIN_RATE_LIMITED",
  "DATABASE_UNAVAILABLE",
  "INTERNAL",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  name = "AppError";
  constructor(
    readonly code: ErrorCode,
    readonly context?: Record<string, unknown>,
  ) {
    super(code);
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
