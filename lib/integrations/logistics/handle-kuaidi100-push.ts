import type { Db } from "../../db/client";
import { raiseAlert } from "../alerts";
import { jsonReply, receiveInbound, type InboundOutcome, type InboundRequestData } from "../inbound";
import { applyTracking } from "./apply-tracking";
import { KUAIDI100_OK, Kuaidi100Push, verifyKuaidi100 } from "./kuaidi100";

/** The salt given to 快递100 at subscribe time; every push is signed with it. */
export const kuaidi100Salt = () => process.env.KUAIDI100_SALT ?? "hub-salt-7f3a9c";

const refuse = (status: number, code: string) => jsonReply(status, { result: false, returnCode: String(status), message: code });

/**
 * POST /api/logistics/kuaidi100: form fields `param` (JSON) and `sign`. Bad signature and malformed
 * bodies are refused with a clear code; unknown tracking numbers and old snapshots are acknowledged
 * (a failure reply only makes 快递100 re-push 30 minutes later).
 */
export function handleKuaidi100Push(db: Db, salt: string, req: InboundRequestData, opts: { inboundId?: string } = {}) {
  return receiveInbound(db, "KUAIDI100", req, () => processPush(db, salt, req), { inboundId: opts.inboundId, failureBody: JSON.stringify({ result: false, returnCode: "500", message: "INTERNAL" }) });
}

async function processPush(db: Db, salt: string, req: InboundRequestData): Promise<InboundOutcome> {
  const form = new URLSearchParams(req.rawBody);
  const param = form.get("param");
  if (param === null) return { outcome: "REJECTED", errorCode: "MALFORMED_CALLBACK", http: refuse(400, "MALFORMED_CALLBACK") };
  if (!verifyKuaidi100(param, form.get("sign"), salt)) return { outcome: "REJECTED", errorCode: "BAD_SIGNATURE", http: refuse(401, "BAD_SIGNATURE") };
  let push;
  try {
    push = Kuaidi100Push.parse(JSON.parse(param));
  } catch {
    return { outcome: "REJECTED", errorCode: "MALFORMED_CALLBACK", http: refuse(400, "MALFORMED_CALLBACK") };
  }
  const r = await applyTracking(db, push.lastResult, "LOGISTICS_PUSH");
  if (r.outcome === "PARKED") await raiseAlert(db, "ORPHAN_CALLBACK", `KUAIDI100:${push.lastResult.com}:${push.lastResult.nu}`, { detail: { source: "KUAIDI100", nu: push.lastResult.nu } });
  const out: InboundOutcome = { outcome: r.outcome, dedupeKey: r.dedupeKey, orderId: r.orderId, http: jsonReply(200, KUAIDI100_OK) };
  if (r.outcome === "STALE") out.errorCode = "STALE_CALLBACK";
  return out;
}
