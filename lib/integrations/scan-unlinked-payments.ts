import type { Db } from "../db/client";
import { raiseAlert } from "./alerts";

/**
 * 02:00 (business zone): every payment still without an order is marked 待人工复核 — an
 * UNLINKED_PAYMENT alert per payment (raised once) for finance and the anomaly workbench.
 */
export async function scanUnlinkedPayments(db: Db, opts: { olderThanMs?: number; take?: number } = {}) {
  const before = new Date(Date.now() - (opts.olderThanMs ?? 30 * 60_000));
  const rows = await db.payment.findMany({
    where: { orderId: null, createdAt: { lt: before } },
    select: { id: true, payNo: true, provider: true, providerTxnId: true, amountFen: true, paidAt: true },
    orderBy: { createdAt: "asc" },
    take: opts.take ?? 5000,
  });
  let raised = 0;
  for (const p of rows) {
    const isNew = await raiseAlert(db, "UNLINKED_PAYMENT", `${p.provider}:${p.providerTxnId ?? p.payNo}`, {
      detail: { payNo: p.payNo, provider: p.provider, amountFen: p.amountFen, paidAt: p.paidAt.toISOString(), status: "NEEDS_REVIEW" },
    });
    if (isNew) raised += 1;
  }
  return { unlinked: rows.length, raised };
}
