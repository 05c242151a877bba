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
  "USER_NOT_FOUND",
  "USERNAME_TAKEN",
  "ROLE_NOT_FOUND",
  "PASSWORD_TOO_WEAK",
  "CANNOT_CHANGE_SELF",
  "EXPORT_TOO_LARGE",
  "UNMASK_NOT_NEEDED",
  "UNMASK_DUPLICATE",
  "UNMASK_NOT_FOUND",
  "UNMASK_SELF_APPROVAL",
  "ILLEGAL_TRANSITION",
  "IDEMPOTENCY_KEY_REUSED",
  "TRACKING_REQUIRED",
  "TRACKING_IN_USE",
  "REASON_REQUIRED",
  "REFUND_AMOUNT_INVALID",
  "REFUND_NOT_FOUND",
  "BAD_SIGNATURE",
  "MALFORMED_CALLBACK",
  "STALE_CALLBACK",
  "DEAD_LETTER_NOT_FOUND",
  "QUARANTINE_NOT_FOUND",
  "QUARANTINE_CLOSED",
  "REPLAY_FAILED",
  "IMPORT_FILE_INVALID",
  "IMPORT_FILE_TOO_LARGE",
  "IMPORT_NOT_FOUND",
  "CHANNEL_NOT_FOUND",
  "CUSTOMER_NOT_FOUND",
  "CUSTOMER_MERGE_NOT_FOUND",
  "CUSTOMER_ALREADY_MERGED",
  "STATEMENT_FILE_INVALID",
  "STATEMENT_NOT_FOUND",
  "DISCREPANCY_NOT_FOUND",
  "CANDIDATE_NOT_FOUND",
  "PERIOD_CLOSED",
  "PERIOD_NOT_CLOSABLE",
  "LOCATOR_TOO_MANY_ITEMS",
  "EXCEPTION_NOT_FOUND", // issue 6
  "EXCEPTION_CLOSED", // issue 6
  "EXCEPTION_ALREADY_CLAIMED", // issue 6
  "ASSIGNEE_INVALID", // issue 6
  "APPROVAL_REQUIRED", // issue 6
  "APPROVAL_REFUSED", // issue 6
  "APPROVAL_NOT_PENDING", // issue 6
  "APPROVAL_NEEDS_DECISION", // issue 6
  "RULE_PARAMS_INVALID", // issue 6
  "WEBHOOK_INVALID", // issue 6
  "DASHBOARD_RANGE_INVALID", // issue 7
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
