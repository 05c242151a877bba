import { after } from "next/server";
import { fakeShipmentCallback, fakeWmsReply, type FakeWmsMode } from "@/lib/integrations/wms/fake-wms";
import { wmsConfig } from "@/lib/integrations/wms/wms-config";

/**
 * The demo's stand-in WMS (the default WMS_URL). FAKE_WMS_MODE = accept | fail | timeout; when it
 * accepts it calls the hub back with a shipment after FAKE_WMS_CALLBACK_DELAY_MS (default 5 s; -1: never).
 * Disabled when a real WMS_URL is configured or FAKE_WMS=off.
 */
const enabled = () => process.env.FAKE_WMS !== "off" && !process.env.WMS_URL;

export async function GET() {
  return enabled() ? Response.json({ ok: true, mode: process.env.FAKE_WMS_MODE ?? "accept" }) : new Response(null, { status: 404 });
}

export async function POST(req: Request) {
  if (!enabled()) return new Response(null, { status: 404 });
  const cfg = wmsConfig();
  const mode = (["accept", "fail", "timeout"].includes(process.env.FAKE_WMS_MODE ?? "") ? process.env.FAKE_WMS_MODE : "accept") as FakeWmsMode;
  const raw = await req.text();
  if (mode === "timeout") {
    await new Promise((r) => setTimeout(r, cfg.timeoutMs + 5_000));
    return Response.json({ flag: "failure", code: "TIMEOUT" }, { status: 504 });
  }
  const out = fakeWmsReply(cfg.secret, raw, req.headers.get("x-signature"), mode);
  const delay = Number(process.env.FAKE_WMS_CALLBACK_DELAY_MS ?? 5_000);
  const order = out.order;
  if (order && delay >= 0) {
    after(async () => {
      await new Promise((r) => setTimeout(r, delay));
      const cb = fakeShipmentCallback(cfg.secret, order);
      await fetch(order.callbackUrl, { method: "POST", headers: { "content-type": "application/json", "x-signature": cb.signature }, body: cb.body }).catch(() => {});
    });
  }
  return Response.json(out.body, { status: out.status });
}
