import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import { formatChinaTime } from "../../time/biz-time";
import { signWms, verifyWms } from "./wms-config";
import type { WmsOutboundOrder } from "./wms-messages";

/** What the fake WMS does with the next push: accept (and call back with a shipment), fail, or hang. */
export type FakeWmsMode = "accept" | "fail" | "timeout";

/**
 * The shipment confirmation a WMS sends for an accepted order (signed like the real one). An order with
 * several lines leaves in several parcels, one per line, as a real warehouse often packs them.
 */
export function fakeShipmentCallback(
  secret: string,
  order: Pick<WmsOutboundOrder, "deliveryOrderCode"> & Partial<Pick<WmsOutboundOrder, "orderLines">>,
  trackingNo = `78${Date.now()}${Math.floor(Math.random() * 1000)}`,
) {
  const lines = order.orderLines ?? [];
  const packages = lines.length > 1
    ? lines.map((l, i) => ({ logisticsCode: "ZTO", expressCode: `${trackingNo}${i + 1}`, items: [{ itemCode: l.itemCode, quantity: l.planQty }] }))
    : [{ logisticsCode: "ZTO", expressCode: trackingNo, ...(lines[0] ? { items: [{ itemCode: lines[0].itemCode, quantity: lines[0].planQty }] } : {}) }];
  const body = JSON.stringify({
    deliveryOrderCode: order.deliveryOrderCode, deliveryOrderId: `WMS-DO-${order.deliveryOrderCode}`, outBizCode: `CONF-${randomUUID().slice(0, 8)}`,
    status: "DELIVERED", confirmType: 0, orderConfirmTime: formatChinaTime(new Date()), packages,
  });
  return { body, signature: signWms(secret, body) };
}

/** The fake's answer to one push, by mode (timeout: never answers). */
export function fakeWmsReply(secret: string, rawBody: string, signature: string | null, mode: FakeWmsMode) {
  if (!verifyWms(secret, rawBody, signature)) return { status: 401, body: { flag: "failure", code: "SIGN_ERROR", message: "bad signature" } };
  if (mode === "fail") return { status: 503, body: { flag: "failure", code: "WMS_DOWN", message: "仓库系统维护中" } };
  const order = JSON.parse(rawBody) as WmsOutboundOrder;
  return { status: 200, body: { flag: "success", code: "0", message: "ok", deliveryOrderId: `WMS-DO-${order.deliveryOrderCode}` }, order };
}

/**
 * A tiny WMS for tests (and local runs): an HTTP server whose mode can be switched, that records the
 * pushes it got and, in accept mode, calls back with a shipment after `callbackDelayMs` (null: never).
 */
export async function startFakeWms(opts: { secret: string; mode?: FakeWmsMode; callbackDelayMs?: number | null; port?: number }) {
  let mode: FakeWmsMode = opts.mode ?? "accept";
  const received: WmsOutboundOrder[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      if (req.url === "/health") return void res.writeHead(200).end("ok");
      if (mode === "timeout") return; // hang: the hub's timeout must fire
      const out = fakeWmsReply(opts.secret, raw, (req.headers["x-signature"] as string) ?? null, mode);
      if (out.order) received.push(out.order);
      res.writeHead(out.status, { "content-type": "application/json" }).end(JSON.stringify(out.body));
      const order = out.order;
      if (order && opts.callbackDelayMs != null) {
        setTimeout(() => {
          const cb = fakeShipmentCallback(opts.secret, order);
          fetch(order.callbackUrl, { method: "POST", headers: { "content-type": "application/json", "x-signature": cb.signature }, body: cb.body }).catch(() => {});
        }, opts.callbackDelayMs);
      }
    });
  });
  await new Promise<void>((r) => server.listen(opts.port ?? 0, "127.0.0.1", () => r()));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/orders`,
    healthUrl: `http://127.0.0.1:${port}/health`,
    received,
    setMode: (m: FakeWmsMode) => void (mode = m),
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
