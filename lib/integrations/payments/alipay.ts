import { createVerify } from "node:crypto";

/**
 * Alipay async notify (RSA2): drop sign and sign_type, sort the keys in code-unit order, join the
 * form-decoded values as k=v with &, verify SHA256withRSA with the Alipay public key.
 */
export function verifyAlipayNotify(publicKeyPem: string, rawBody: string): { ok: boolean; params: Record<string, string> } {
  const params: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(rawBody)) params[k] = v;
  const sig = params.sign;
  if (!sig) return { ok: false, params };
  const content = Object.keys(params)
    .filter((k) => k !== "sign" && k !== "sign_type")
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join("&");
  try {
    return { ok: createVerify("RSA-SHA256").update(content, "utf8").verify(publicKeyPem, sig, "base64"), params };
  } catch {
    return { ok: false, params };
  }
}
