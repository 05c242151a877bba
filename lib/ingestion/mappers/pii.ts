/**
 * Buyer PII arrives masked or encrypted (FORMATS rule 4). We sort each value into plain / masked /
 * cipher and keep what was given; nothing here ever produces a plain value that was not sent.
 */
import type { CanonicalReceiver } from "../canonical-order";
import { str } from "./shared";

export interface PiiParts {
  plain: string | null;
  masked: string | null;
  cipher: string | null;
}

// Envelopes seen in the formats: Douyin `$$…$1$$` / `##…#1##`, TOP legacy `$p$c$1$$`, PDD `~…~` [U],
// and the `<ciphertext>` placeholder used by the format docs' samples.
const CIPHER_ENVELOPE = /^(\$.*\$|#.*#|~.*~|<[^<>]+>)$/s;
// JD sends Base64-like ciphertext ("AAS/ZGVtby1uYW1l"); a plain name or address is never this.
const BASE64ISH = /^[A-Za-z0-9+/=_-]{16,}$/;
const PLAIN_PHONE = /^\+?[\d][\d\s-]{4,}$/;

export type PiiKind = "name" | "phone" | "address";

/** Classifies one value. Envelopes win over `*` because Douyin ciphertext contains a `*`. */
export function classifyPii(value: string | null | undefined, kind: PiiKind): PiiParts {
  const v = str(value);
  const none: PiiParts = { plain: null, masked: null, cipher: null };
  if (v === null) return none;
  if (CIPHER_ENVELOPE.test(v)) return { ...none, cipher: v };
  if (v.includes("*")) return { ...none, masked: v };
  if (kind === "phone") return PLAIN_PHONE.test(v) ? { ...none, plain: v } : { ...none, cipher: v };
  return BASE64ISH.test(v) ? { ...none, cipher: v } : { ...none, plain: v };
}

/** A field the platform documents as masked (`*_mask`): masked even when it happens to hold no `*`. */
export const maskedOnly = (v: string | null | undefined): PiiParts => ({ plain: null, masked: str(v), cipher: null });

/** A field the platform documents as ciphertext (`encrypt_*`). */
export const cipherOnly = (v: string | null | undefined): PiiParts => ({ plain: null, masked: null, cipher: str(v) });

/** Merges several sources of one field (a main field, its `*_mask`, its `encrypt_*` copy). */
export function mergePii(...parts: PiiParts[]): PiiParts {
  const pick = (k: keyof PiiParts) => parts.find((p) => p[k] !== null)?.[k] ?? null;
  return { plain: pick("plain"), masked: pick("masked"), cipher: pick("cipher") };
}

export interface ReceiverInput {
  name?: PiiParts;
  phone?: PiiParts;
  detail?: PiiParts;
  phoneIndex?: string | null;
  province?: string | null;
  city?: string | null;
  district?: string | null;
  town?: string | null;
  decryptRef?: string | null;
}

const EMPTY: PiiParts = { plain: null, masked: null, cipher: null };

export function buildReceiver(r: ReceiverInput): CanonicalReceiver {
  const name = r.name ?? EMPTY;
  const phone = r.phone ?? EMPTY;
  const detail = r.detail ?? EMPTY;
  return {
    name: name.plain,
    nameMasked: name.masked,
    nameCipher: name.cipher,
    phone: phone.plain,
    phoneMasked: phone.masked,
    phoneCipher: phone.cipher,
    phoneIndex: str(r.phoneIndex),
    province: str(r.province),
    city: str(r.city),
    district: str(r.district),
    town: str(r.town),
    detail: detail.plain,
    detailMasked: detail.masked,
    detailCipher: detail.cipher,
    decryptRef: str(r.decryptRef),
  };
}
