/**
 * A finance user confirms or rejects a fuzzy candidate. Confirming matches the line to that payment
 * and drops the line's other candidates and the payment's other proposals; rejecting the last
 * candidate leaves the line unmatched, so it becomes a discrepancy.
 */
import { z } from "zod";
import type { Actor } from "../access/actor";
import { assertWholeBook } from "../access/whole-book";
import { recordAudit } from "../audit/record-audit";
import { withTx, type Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { classifyDiscrepancies, closeResolved } from "./classify-discrepancies";
import { linesScope } from "./match-lines";
import { assertDaysOpen } from "./period-lock";

export const DecideCandidateInput = z.object({ id: z.string().min(1).max(64), decision: z.enum(["CONFIRM", "REJECT"]) });
export type DecideCandidateInput = z.infer<typeof DecideCandidateInput>;

export async function decideCandidate(db: Db, actor: Actor, input: DecideCandidateInput) {
  assertWholeBook(actor, "finance.reconcile");
  return withTx(db, async (tx) => {
    const c = await tx.matchCandidate.findFirst({ where: { id: input.id, status: "PROPOSED" }, select: { id: true, lineId: true, paymentId: true } });
    if (!c) throw new AppError("CANDIDATE_NOT_FOUND");
    const line = await tx.statementLine.findUniqueOrThrow({ where: { id: c.lineId }, select: { id: true, bizDay: true, fileId: true } });
    await assertDaysOpen(tx, [line.bizDay]);
    const now = new Date();
    const touched = [c.lineId];
    if (input.decision === "CONFIRM") {
      const payment = await tx.payment.findUniqueOrThrow({ where: { id: c.paymentId }, select: { orderId: true } });
      const { count } = await tx.statementLine.updateMany({
        where: { id: c.lineId, match: "CANDIDATE" },
        data: { match: "MATCHED", matchMethod: "FUZZY_CONFIRMED", paymentId: c.paymentId, orderId: payment.orderId, matchedById: actor.id, matchedAt: now },
      });
      if (count === 0) throw new AppError("CONFLICT");
      await tx.matchCandidate.update({ where: { id: c.id }, data: { status: "CONFIRMED", decidedById: actor.id, decidedAt: now } });
      const others = await tx.matchCandidate.findMany({ where: { status: "PROPOSED", OR: [{ lineId: c.lineId }, { paymentId: c.paymentId }] }, select: { lineId: true } });
      await tx.matchCandidate.updateMany({ where: { status: "PROPOSED", OR: [{ lineId: c.lineId }, { paymentId: c.paymentId }] }, data: { status: "REJECTED", decidedById: actor.id, decidedAt: now } });
      touched.push(...others.map((o) => o.lineId));
    } else {
      await tx.matchCandidate.update({ where: { id: c.id }, data: { status: "REJECTED", decidedById: actor.id, decidedAt: now } });
    }
    // Lines left without a proposal fall back to unmatched (and so become discrepancies).
    await tx.$executeRawUnsafe(`
      UPDATE "statement_lines" l SET "match" = 'UNMATCHED'
      WHERE l."id" = ANY($1::bigint[]) AND l."match" = 'CANDIDATE' AND NOT EXISTS (SELECT 1 FROM "match_candidates" c WHERE c."line_id" = l."id" AND c."status" = 'PROPOSED')`, touched.map(String));
    await classifyDiscrepancies(tx, linesScope(touched));
    await closeResolved(tx);
    await recordAudit(tx, actor, { action: `reconciliation.candidate.${input.decision.toLowerCase()}`, entityType: "statementLine", entityId: String(c.lineId), detail: { candidateId: c.id, paymentId: c.paymentId } });
    return { lineId: String(c.lineId), fileId: line.fileId };
  });
}
