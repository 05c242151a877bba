import type { Order } from "../db/generated/prisma/client";
import { displayIdentity, hashIdentity, normaliseIdentity, type IdentityKind } from "./identity";

/** The order fields identity evidence is read from. */
export type OrderForEvidence = Pick<
  Order,
  "id" | "channelId" | "buyerNick" | "receiverName" | "receiverPhone" | "receiverProvince" | "receiverCity" | "receiverDistrict" | "receiverDetail" | "rawPayload"
> & { customerId: string };

export interface IdentityEvidence {
  customerId: string;
  kind: IdentityKind;
  valueHash: string;
  display: string;
  sourceOrderId: string;
}

/**
 * Raw-payload keys (any depth ≤ 4, case-insensitive) that carry evidence. Payment transaction ids are
 * NOT evidence: they are unique per trade, so they never link two customers; only an Alipay account is.
 */
const PAYLOAD_KEYS: Record<"idNumber" | "alipay" | "device" | "platformBuyer", string[]> = {
  idNumber: ["id_card", "idcard", "id_card_no", "id_number", "idnumber", "buyer_id_card", "cert_no", "identity_number"],
  alipay: ["alipay_account", "buyer_alipay_no", "alipay_no", "alipay_user_id", "buyer_alipay_account", "alipayaccount"],
  device: ["device_id", "deviceid", "device_no", "udid", "imei", "oaid", "idfa"],
  platformBuyer: ["open_id_buyer", "doudian_open_id", "buyer_open_uid", "buyer_open_id", "open_buyer_id", "memberid", "member_id"],
};
const KEY_KIND = new Map(Object.entries(PAYLOAD_KEYS).flatMap(([kind, keys]) => keys.map((k) => [k, kind as keyof typeof PAYLOAD_KEYS])));

function scanPayload(node: unknown, out: [keyof typeof PAYLOAD_KEYS, string][], depth = 0) {
  if (depth > 4 || node == null || typeof node !== "object") return;
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const kind = KEY_KIND.get(key.toLowerCase());
    if (kind && (typeof value === "string" || typeof value === "number")) out.push([kind, String(value)]);
    else if (typeof value === "object") scanPayload(value, out, depth + 1);
  }
}

/** Every piece of identity evidence one order carries, hashed, with masked display copies. */
export function evidenceFromOrder(o: OrderForEvidence): IdentityEvidence[] {
  const found = new Map<string, IdentityEvidence>();
  const add = (kind: IdentityKind, raw: string | null | undefined, display?: string) => {
    const value = normaliseIdentity(kind, raw);
    if (!value) return;
    const valueHash = hashIdentity(kind, value);
    found.set(`${kind}:${valueHash}`, { customerId: o.customerId, kind, valueHash, display: display ?? displayIdentity(kind, value), sourceOrderId: o.id });
  };
  add("phone", o.receiverPhone);
  const area = [o.receiverProvince, o.receiverCity, o.receiverDistrict].filter(Boolean).join("");
  if (o.receiverName.trim() && o.receiverDetail.trim()) {
    const parts = { name: o.receiverName.trim(), area, detail: o.receiverDetail.trim() };
    add("nameAddress", `${parts.name}|${area}${parts.detail}`, displayIdentity("nameAddress", "", parts));
  }
  const fromPayload: [keyof typeof PAYLOAD_KEYS, string][] = [];
  scanPayload(o.rawPayload, fromPayload);
  for (const [kind, raw] of fromPayload) {
    // Platform buyer ids only mean something inside their platform: scope them by channel.
    if (kind === "platformBuyer") add(kind, normaliseIdentity(kind, raw) ? `${o.channelId}:${raw}` : null, displayIdentity(kind, raw.trim()));
    else add(kind, raw);
  }
  if (o.buyerNick) add("platformBuyer", `${o.channelId}:nick:${o.buyerNick}`, displayIdentity("platformBuyer", o.buyerNick));
  return [...found.values()];
}
