/**
 * The hub's own push signature (FORMATS rule 5): X-Signature = hex HMAC-SHA256(channel secret, raw
 * body). Verified over the raw bytes before anything is parsed, compared in constant time.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export function signBody(secret: string, body: Uint8Array | string): string {
  return createHmac("sha256", secret).update(body).digest("hex");
}

export function verifySignature(secret: string, body: Uint8Array, header: string | null | undefined): boolean {
  if (!header) return false;
  const given = header.trim().toLowerCase().replace(/^sha256=/, "");
  if (!/^[0-9a-f]{64}$/.test(given)) return false;
  const expected = createHmac("sha256", secret).update(body).digest();
  return timingSafeEqual(expected, Buffer.from(given, "hex"));
}
