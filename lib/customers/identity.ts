import { createHash } from "node:crypto";
import { maskAddressDetail, maskIdNumber, maskName, maskNick, maskPhone } from "../access/mask";

/** The kinds of evidence that a customer record is a particular person (SPEC §6). */
export const IDENTITY_KINDS = ["phone", "idNumber", "nameAddress", "alipay", "device", "platformBuyer"] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];

/**
 * Identity values are stored only as sha256(pepper ‖ kind ‖ normalised value). The pepper comes from
 * CUSTOMER_IDENTITY_PEPPER; without it a fixed development constant is used (so demo data and tests are
 * repeatable). Changing the pepper means re-collecting all identities (delete the table and backfill).
 */
export const DEV_IDENTITY_PEPPER = "orderhub-dev-identity-pepper-v1";
export const identityPepper = () => process.env.CUSTOMER_IDENTITY_PEPPER || DEV_IDENTITY_PEPPER;

export function hashIdentity(kind: IdentityKind, normalised: string): string {
  return createHash("sha256").update(`${identityPepper()}\u0000${kind}\u0000${normalised}`).digest("hex");
}

const squash = (s: string) => s.normalize("NFKC").replace(/\s+/g, "").toLowerCase();

/** Canonical form of a value, or null when it is not a usable value of that kind. */
export function normaliseIdentity(kind: IdentityKind, raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const v = squash(String(raw));
  if (!v) return null;
  switch (kind) {
    case "phone": {
      let d = v.replace(/[-()+]/g, "");
      if (/^86\d{11}$/.test(d)) d = d.slice(2);
      return /^1\d{10}$/.test(d) || /^0\d{9,11}$/.test(d) ? d : null;
    }
    case "idNumber":
      return /^\d{17}[\dx]$|^\d{15}$/.test(v) ? v.toUpperCase() : null;
    case "alipay":
    case "device":
    case "platformBuyer":
      return v.length >= 4 && !v.includes("*") ? v : null; // masked copies are not evidence
    case "nameAddress":
      return v.includes("*") || v.length < 6 ? null : v;
  }
}

/** A copy safe to show to anyone who may see the customer (always masked, whatever the role). */
export function displayIdentity(kind: IdentityKind, raw: string, parts?: { name: string; area: string; detail: string }): string {
  switch (kind) {
    case "phone":
      return maskPhone(raw);
    case "idNumber":
      return maskIdNumber(raw);
    case "nameAddress":
      return parts ? `${maskName(parts.name)} ${parts.area}${maskAddressDetail(parts.detail)}` : maskAddressDetail(raw);
    case "alipay":
      return raw.includes("@") ? `${maskNick(raw.split("@")[0])}@${raw.split("@")[1]}` : /^\d{11}$/.test(raw) ? maskPhone(raw) : maskNick(raw);
    case "device":
    case "platformBuyer":
      return raw.length > 8 ? `${raw.slice(0, 4)}****${raw.slice(-2)}` : maskNick(raw);
  }
}
