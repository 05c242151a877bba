/** Finance explains discrepancies (one, or a whole combination the locator found) or marks them adjusted. */
import { z } from "zod";
import type { Actor } from "../access/actor";
import { assertWholeBook } from "../access/whole-book";
import { recordAudit } from "../audit/record-audit";
import { withTx, type Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { assertDaysOpen } from "./period-lock";

export const ExplainInput = z.object({
  ids: z.array(z.string().min(1).max(64)).min(1).max(50),
  status: z.enum(["EXPLAINED", "ADJUSTED"]),
  explanation: z.string().trim().min(2).max(1000),
});
export type ExplainInput = z.infer<typeof ExplainInput>;

export async function explainDiscrepancies(db: Db, actor: Actor, input: ExplainInput) {
  assertWholeBook(actor, "finance.reconcile");
  const ids = [...new Set(input.ids)];
  return withTx(db, async (tx) => {
    const rows = await tx.discrepancy.findMany({ where: { id: { in: ids }, status: { in: ["OPEN", "EXPLAINED"] } }, select: { id: true, bizDay: true, version: true, status: true } });
    if (rows.length !== ids.length) throw new AppError("DISCREPANCY_NOT_FOUND");
    await assertDaysOpen(tx, rows.map((r) => r.bizDay));
    for (const r of rows) {
      const { count } = await tx.discrepancy.updateMany({
        where: { id: r.id, version: r.version },
        data: { status: input.status, explanation: input.explanation, handledById: actor.id, handledAt: new Date(), version: { increment: 1 } },
      });
      if (count === 0) throw new AppError("CONFLICT");
      await recordAudit(tx, actor, { action: "reconciliation.explain", entityType: "discrepancy", entityId: r.id, detail: { before: r.status, after: input.status, explanation: input.explanation } });
    }
    return { updated: rows.length };
  });
}
