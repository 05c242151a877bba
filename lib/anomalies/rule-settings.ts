import { z } from "zod";
import { assertCan, type Actor } from "../access/actor";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/prisma/client";
import { AppError } from "../errors/app-error";
import { RULE_CODES, RULES, settingFor, type RuleCode, type RuleSetting } from "./rules";

/** Every rule with the settings it runs with (saved overrides over the defaults). */
export async function loadRuleSettings(db: Db): Promise<RuleSetting[]> {
  const saved = new Map((await db.exceptionRule.findMany()).map((r) => [r.code, r]));
  return RULE_CODES.map((code) => settingFor(code, saved.get(code)));
}

export const SaveRuleInput = z.object({
  code: z.enum(RULE_CODES),
  enabled: z.boolean(),
  severity: z.enum(["LIGHT", "SEVERE"]),
  params: z.record(z.string(), z.unknown()),
});
export type SaveRuleInput = z.infer<typeof SaveRuleInput>;

/** 规则 page: saves one rule (rules.manage); params are checked against the rule's own schema. Audited. */
export async function saveRule(db: Db, actor: Actor, input: SaveRuleInput) {
  assertCan(actor, "rules.manage");
  const code = input.code as RuleCode;
  const before = settingFor(code, await db.exceptionRule.findUnique({ where: { code } }));
  // Parameters left out keep their current value.
  const parsed = RULES[code].params.safeParse({ ...before.params, ...input.params });
  if (!parsed.success) throw new AppError("RULE_PARAMS_INVALID", { code, field: String(parsed.error.issues[0]?.path[0] ?? "") });
  const data = { enabled: input.enabled, severity: input.severity, params: parsed.data as Prisma.InputJsonValue, updatedById: actor.id };
  await db.exceptionRule.upsert({ where: { code }, create: { code, ...data }, update: data });
  await recordAudit(db, actor, {
    action: "rules.update", entityType: "exception_rule", entityId: code,
    detail: { before: { enabled: before.enabled, severity: before.severity, params: before.params }, after: { enabled: input.enabled, severity: input.severity, params: parsed.data } },
  });
  return settingFor(code, data);
}
