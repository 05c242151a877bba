import type { Db } from "../db/client";
import type { ErrorCode } from "../errors/app-error";
import { logger } from "../log/logger";

export type InboundSource = "WECHAT_PAY" | "ALIPAY" | "WMS_CALLBACK" | "KUAIDI100";
export type InboundOutcomeKind = "ACCEPTED" | "DUPLICATE" | "RECONCILED" | "PARKED" | "STALE" | "REJECTED" | "FAILED";

export interface InboundRequestData {
  headers: Record<string, string>;
  rawBody: string;
}

/** What the route answers, and what is recorded on the kept request. */
export interface InboundOutcome {
  outcome: InboundOutcomeKind;
  errorCode?: ErrorCode;
  dedupeKey?: string;
  orderId?: string | null;
  http: { status: number; body: string; contentType: string };
}

const SECRET_HEADERS = new Set(["cookie", "authorization", "proxy-authorization"]);
export function keepableHeaders(h: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  h.forEach((v, k) => {
    if (!SECRET_HEADERS.has(k.toLowerCase())) out[k.toLowerCase()] = v.slice(0, 2000);
  });
  return out;
}

/**
 * Keeps the raw request first (so nothing is lost whatever happens next), then processes it and
 * records the outcome. An unexpected failure answers 500 so the peer retries later; the request
 * stays on record as FAILED. `inboundId` re-processes a kept request (parked callbacks re-matched).
 */
export async function receiveInbound(
  db: Db,
  source: InboundSource,
  req: InboundRequestData,
  process: () => Promise<InboundOutcome>,
  opts: { inboundId?: string; failureBody?: string } = {},
): Promise<InboundOutcome> {
  const id = opts.inboundId ?? (await db.inboundRequest.create({ data: { source, headers: req.headers, body: req.rawBody, outcome: "RECEIVED" }, select: { id: true } })).id;
  let out: InboundOutcome;
  try {
    out = await process();
  } catch (err) {
    logger.error({ err, source, inboundId: id }, "inbound request failed");
    out = { outcome: "FAILED", errorCode: "INTERNAL", http: { status: 500, body: opts.failureBody ?? "", contentType: "application/json" } };
  }
  await db.inboundRequest.update({
    where: { id },
    data: { outcome: out.outcome, errorCode: out.errorCode ?? null, dedupeKey: out.dedupeKey ?? undefined, orderId: out.orderId ?? undefined },
  });
  return out;
}

export const jsonReply = (status: number, body: unknown) => ({ status, body: JSON.stringify(body), contentType: "application/json" });
export const textReply = (status: number, body: string) => ({ status, body, contentType: "text/plain; charset=utf-8" });
