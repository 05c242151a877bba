/**
 * Raw payloads hold buyer PII in plain (phones, ID numbers). Shown in the console they are masked
 * like every other field (SPEC §7); a corrected copy that still carries a masked value gets the
 * original back on the server, so fixing a payload never needs the full number on screen.
 */
import type { Actor } from "../../access/actor";
import { maskField } from "../../access/mask";

// Mainland mobiles and 18-character ID numbers, not inside longer digit runs (order ids, txn ids).
const MOBILE = /(?<![\d])1[3-9]\d{9}(?![\d])/g;
const ID_NUMBER = /(?<![\d])\d{17}[\dXx](?![\d])/g;

interface Swap {
  masked: string;
  original: string;
}

function swaps(actor: Actor, raw: string): Swap[] {
  const out: Swap[] = [];
  for (const m of new Set(raw.match(ID_NUMBER) ?? [])) out.push({ original: m, masked: maskField(actor, "idNumber", m)! });
  for (const m of new Set(raw.match(MOBILE) ?? [])) out.push({ original: m, masked: maskField(actor, "phone", m)! });
  return out.filter((s) => s.masked !== s.original);
}

export function maskRawPayload(actor: Actor, raw: string): string {
  let text = raw;
  for (const s of swaps(actor, raw)) text = text.split(s.original).join(s.masked);
  return text;
}

/** Puts the originals back where the corrected text still holds their masked form (when unambiguous). */
export function unmaskCorrection(actor: Actor, original: string, corrected: string): string {
  const list = swaps(actor, original);
  let text = corrected;
  for (const s of list) {
    if (list.filter((o) => o.masked === s.masked).length === 1) text = text.split(s.masked).join(s.original);
  }
  return text;
}
