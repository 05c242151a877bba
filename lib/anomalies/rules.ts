import { z } from "zod";
import type { ExceptionSeverity } from "../db/generated/prisma/enums";

/**
 * The rules library (SPEC §3): every default rule with its severity and parameters. The numbers are
 * the seeds' defaults; the 规则 page saves overrides in exception_rules (lib/anomalies/rule-settings.ts).
 */
export const RULE_CODES = [
  "ADDRESS_KEYWORD",
  "BUYER_BURST",
  "LOW_STOCK",
  "PAID_NOT_PUSHED",
  "PAID_NOT_SHIPPED",
  "NO_LOGISTICS",
  "LOGISTICS_MISMATCH",
  "HIGH_VALUE_BAD_ADDRESS",
  "LOW_PRICE_APPROVAL",
  "HIGH_AMOUNT_APPROVAL",
  "PAYMENT_NOT_APPLIED",
  "PAYMENT_STATUS_LAG",
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

/** Rules whose exception is an approval: they hold the order and gate its push to the WMS. */
export const APPROVAL_RULES = { LOW_PRICE_APPROVAL: "LOW_PRICE", HIGH_AMOUNT_APPROVAL: "HIGH_AMOUNT" } as const satisfies Partial<Record<RuleCode, string>>;
export type ApprovalKind = (typeof APPROVAL_RULES)[keyof typeof APPROVAL_RULES];
export const isApprovalRule = (code: string): code is keyof typeof APPROVAL_RULES => code in APPROVAL_RULES;

/** How a parameter is edited on the 规则 page: a count, minutes, an amount in fen (shown in yuan), a word list. */
export type ParamKind = "count" | "minutes" | "fen" | "percent" | "words";

const count = z.number().int().min(0).max(1_000_000);
const minutes = z.number().int().min(1).max(60 * 24 * 30);
const fen = z.number().int().min(0).max(100_000_000_00);
const words = z.array(z.string().trim().min(1).max(50)).max(100);

interface RuleDef<S extends z.ZodRawShape> {
  severity: ExceptionSeverity;
  params: z.ZodObject<S & { slaMinutes: typeof minutes }>;
  kinds: Record<keyof S | "slaMinutes", ParamKind>;
  /** Closes itself when its cause goes away (a burst of orders is an event, not a state: it does not). */
  selfCloses: boolean;
  /** Why an auto-closed exception closed (an i18n key under anomalies.closeReasons). */
  closeReason: string;
}

function rule<S extends z.ZodRawShape>(severity: ExceptionSeverity, shape: S, kinds: Record<keyof S, ParamKind>, defaults: z.infer<z.ZodObject<S>>, opts: { selfCloses?: boolean; closeReason: string }) {
  const sla = severity === "SEVERE" ? 30 : 240;
  const params = z.object({ ...shape, slaMinutes: minutes.default(sla) }) as unknown as z.ZodObject<S & { slaMinutes: typeof minutes }>;
  return {
    severity,
    params,
    kinds: { ...kinds, slaMinutes: "minutes" } as Record<keyof S | "slaMinutes", ParamKind>,
    defaults: { ...defaults, slaMinutes: sla } as z.infer<typeof params>,
    selfCloses: opts.selfCloses ?? true,
    closeReason: opts.closeReason,
  } satisfies RuleDef<S> & { defaults: unknown };
}

export const RULES = {
  ADDRESS_KEYWORD: rule("LIGHT", { keywords: words, whitelist: words }, { keywords: "words", whitelist: "words" }, { keywords: ["临时仓", "代收点"], whitelist: [] }, { closeReason: "ADDRESS_CHANGED" }),
  BUYER_BURST: rule("LIGHT", { maxOrders: count, windowMinutes: minutes }, { maxOrders: "count", windowMinutes: "minutes" }, { maxOrders: 5, windowMinutes: 60 }, { selfCloses: false, closeReason: "CONDITION_CLEARED" }),
  LOW_STOCK: rule("LIGHT", { safetyStock: count }, { safetyStock: "count" }, { safetyStock: 10 }, { closeReason: "STOCK_ARRIVED" }),
  PAID_NOT_PUSHED: rule("LIGHT", { minutes }, { minutes: "minutes" }, { minutes: 30 }, { closeReason: "ORDER_PUSHED" }),
  PAID_NOT_SHIPPED: rule("SEVERE", { minutes }, { minutes: "minutes" }, { minutes: 120 }, { closeReason: "ORDER_SHIPPED" }),
  NO_LOGISTICS: rule("LIGHT", { minutes }, { minutes: "minutes" }, { minutes: 48 * 60 }, { closeReason: "LOGISTICS_UPDATED" }),
  LOGISTICS_MISMATCH: rule("LIGHT", { lookbackMinutes: minutes }, { lookbackMinutes: "minutes" }, { lookbackMinutes: 14 * 24 * 60 }, { closeReason: "CONDITION_CLEARED" }),
  HIGH_VALUE_BAD_ADDRESS: rule("SEVERE", { minAmountFen: fen }, { minAmountFen: "fen" }, { minAmountFen: 200_000 }, { closeReason: "ADDRESS_CHANGED" }),
  LOW_PRICE_APPROVAL: rule("SEVERE", { maxPaidFen: fen, minPaidPercent: z.number().int().min(0).max(100) }, { maxPaidFen: "fen", minPaidPercent: "percent" }, { maxPaidFen: 1_000, minPaidPercent: 20 }, { closeReason: "CONDITION_CLEARED" }),
  HIGH_AMOUNT_APPROVAL: rule("LIGHT", { minAmountFen: fen }, { minAmountFen: "fen" }, { minAmountFen: 500_000 }, { closeReason: "CONDITION_CLEARED" }),
  PAYMENT_NOT_APPLIED: rule("SEVERE", { minutes }, { minutes: "minutes" }, { minutes: 5 }, { closeReason: "PAYMENT_LINKED" }),
  PAYMENT_STATUS_LAG: rule("SEVERE", { minutes }, { minutes: "minutes" }, { minutes: 2 }, { closeReason: "PAYMENT_LINKED" }),
} as const satisfies Record<RuleCode, unknown>;

export type RuleParams<C extends RuleCode> = z.infer<(typeof RULES)[C]["params"]>;

/** The settings one rule runs with. */
export interface RuleSetting<C extends RuleCode = RuleCode> {
  code: C;
  enabled: boolean;
  severity: ExceptionSeverity;
  params: RuleParams<C>;
}

/** Saved params merged over the defaults; a saved value that no longer fits falls back to the default. */
export function settingFor<C extends RuleCode>(code: C, saved?: { enabled: boolean; severity: ExceptionSeverity; params: unknown } | null): RuleSetting<C> {
  const def = RULES[code];
  const merged = def.params.safeParse({ ...def.defaults, ...(saved?.params && typeof saved.params === "object" ? saved.params : {}) });
  return {
    code,
    enabled: saved?.enabled ?? true,
    severity: saved?.severity ?? def.severity,
    params: (merged.success ? merged.data : def.defaults) as RuleParams<C>,
  };
}

/** Resolution codes a person picks when resolving (SPEC §3: resolve with a required code). */
export const RESOLUTION_CODES = [
  "FIXED", "REPUSHED", "ADDRESS_CORRECTED", "CONTACTED_BUYER", "ORDER_CANCELLED", "APPROVED", "REFUSED", "FALSE_ALARM", "OTHER",
] as const;
export type ResolutionCode = (typeof RESOLUTION_CODES)[number];

export const OPEN_STATUSES = ["OPEN", "CLAIMED"] as const;
