import { getDb } from "@/lib/db/client";
import { receivePush } from "@/lib/ingestion/push/receive-push";
import { logger } from "@/lib/log/logger";

// Platforms and the own mall/POS push orders here; authenticated by the channel's HMAC signature,
// or, for Douyin, by its own event-sign — not by a session (lib/ingestion/push/receive-push.ts, README "Ingestion").
export const dynamic = "force-dynamic";

export async function POST(req: Request, ctx: { params: Promise<{ channelId: string }> }) {
  const { channelId } = await ctx.params;
  try {
    const raw = new Uint8Array(await req.arrayBuffer());
    const out = await receivePush(getDb(), channelId, raw, { xSignature: req.headers.get("x-signature"), eventSign: req.headers.get("event-sign") });
    return Response.json(out.body, { status: out.status });
  } catch (err) {
    // Nothing was acknowledged: the sender retries, and the write path is idempotent.
    logger.error({ err, channelId }, "push ingestion failed");
    return Response.json({ ok: false, code: "INTERNAL", message: "系统暂时无法处理，请稍后重试" }, { status: 500 });
  }
}
