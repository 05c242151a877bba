import type { Db } from "../../db/client";
import { keepableHeaders, type InboundOutcome, type InboundRequestData } from "../inbound";

/**
 * The shape of every callback route: read the raw bytes (signatures are over them), hand them to the
 * domain handler, answer what the peer expects. No session: the peer's signature is the authentication.
 */
export async function answerInbound(req: Request, db: Db, handle: (db: Db, r: InboundRequestData) => Promise<InboundOutcome>): Promise<Response> {
  const rawBody = await req.text();
  const out = await handle(db, { headers: keepableHeaders(req.headers), rawBody });
  const noBody = out.http.status === 204 || out.http.body === "";
  return new Response(noBody ? null : out.http.body, {
    status: out.http.status,
    headers: noBody ? {} : { "content-type": out.http.contentType, ...(out.errorCode ? { "x-error-code": out.errorCode } : {}) },
  });
}
