import type { Actor } from "./actor";
import type { SensitiveField } from "./roles";

/** Field masking, applied on the server before data leaves it (SPEC §7). */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s+/g, "");
  if (digits.length >= 7) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return "****";
}

export function maskIdNumber(id: string): string {
  return id.length > 10 ? `${id.slice(0, 6)}********${id.slice(-4)}` : "********";
}

/** Keeps the first few characters of the street address: enough to recognise, not to find. */
export function maskAddressDetail(detail: string): string {
  const chars = [...detail];
  return chars.length <= 4 ? "****" : `${chars.slice(0, 4).join("")}****`;
}

export function maskNick(nick: string): string {
  const chars = [...nick];
  if (chars.length <= 1) return "*";
  return `${chars[0]}***${chars.length > 2 ? chars[chars.length - 1] : ""}`;
}

/** Names keep the surname only: 张** */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? "*" : `${chars[0]}${"*".repeat(Math.min(chars.length - 1, 2))}`;
}

const MASKERS: Record<SensitiveField, (v: string) => string> = {
  phone: maskPhone,
  idNumber: maskIdNumber,
  addressDetail: maskAddressDetail,
  buyerNick: maskNick,
};

/** Returns the value as this actor may see it. */
export function maskField(actor: Actor, field: SensitiveField, value: string | null | undefined): string | null {
  if (value == null || value === "") return value ?? null;
  return actor.unmaskedFields.has(field) ? value : MASKERS[field](value);
}
