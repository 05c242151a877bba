import { createHmac, timingSafeEqual } from "node:crypto";
import { hubBaseUrl } from "../hub-url";

/**
 * The WMS peer. WMS_URL is where paid orders are pushed (default: the demo's own fake WMS route);
 * WMS_SECRET signs both directions: X-Signature = hex HMAC-SHA256(secret, raw body).
 */
export interface WmsConfig {
  url: string;
  secret: string;
  /** Where the WMS calls back with shipments. */
  callbackUrl: string;
  timeoutMs: number;
}

// A development default so the demo works out of the box; set WMS_SECRET in production.
const DEMO_WMS_SECRET = "demo-wms-secret-change-me";

export function wmsConfig(webBaseUrl = hubBaseUrl()): WmsConfig {
  return {
    url: process.env.WMS_URL ?? `${webBaseUrl}/api/fake-wms/orders`,
    secret: process.env.WMS_SECRET ?? DEMO_WMS_SECRET,
    callbackUrl: process.env.WMS_CALLBACK_URL ?? `${webBaseUrl}/api/wms/shipments`,
    timeoutMs: Number(process.env.WMS_TIMEOUT_MS ?? 10_000),
  };
}

export const signWms = (secret: string, rawBody: string) => createHmac("sha256", secret).update(rawBody, "utf8").digest("hex");

export function verifyWms(secret: string, rawBody: string, signature: string | null): boolean {
  if (!signature || !/^[0-9a-f]{64}$/i.test(signature)) return false;
  const want = Buffer.from(signWms(secret, rawBody), "hex");
  return timingSafeEqual(want, Buffer.from(signature.toLowerCase(), "hex"));
}
