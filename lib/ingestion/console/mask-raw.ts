/**
 * Raw payloads in the quarantine hold buyer PII in plain. Shown in the console they follow the same
 * rules as the order pages (lib/access/mask.ts, SPEC §7): receiver name, phone and street address
 * only for roles with `order.viewAddress` (phone and street masked unless the role sees them in
 * full), buyer nicknames and ID numbers masked per role. Fields are found by their key in each
 * platform's format; phones and ID numbers anywhere else (notes, broken bodies) by pattern.
 *
 * Correcting without seeing (decided for issue 3): every value the viewer may not see is replaced by
 * its masked form plus a marker, e.g. "138****5678⟦2⟧" or "已隐藏⟦3⟧". A corrector either leaves
 * such a value as it is — the server puts the original back — or overwrites the whole value with a
 * new one. A marker is only restored where it was (same JSON path; for a body that was not JSON, a
 * key of the same kind), so moving it into a note cannot reveal the original, and a marker that was
 * edited or moved refuses the replay.
 */
import type { Actor } from "../../access/actor";
import { can } from "../../access/actor";
import { maskField } from "../../access/mask";
import { AppError } from "../../errors/app-error";
import { parseJsonLossless } from "../mappers";

type Kind = "name" | "phone" | "address" | "buyerNick" | "idNumber";

// Keys that carry a kind of PII in the platforms' formats (shared/formats), the hub's own JSON and
// the import template; `name`/`phone`/`detail`/`nick` only under the parents that make them PII.
const KEYS: Record<string, Kind> = {
  receiver_name: "name", fullname: "name", post_receiver: "name", 收件人: "name",
  receiver_mobile: "phone", receiver_phone: "phone", mobile: "phone", telephone: "phone", post_tel: "phone", 手机号: "phone",
  receiver_address: "address", fullAddress: "address", 详细地址: "address",
  buyer_nick: "buyerNick", pin: "buyerNick", 买家昵称: "buyerNick",
  id_card: "idNumber", idNumber: "idNumber", id_number: "idNumber",
};
const NESTED: Record<string, Record<string, Kind>> = {
  receiver: { name: "name", phone: "phone", detail: "address" },
  member: { name: "name", phone: "phone" },
  post_addr: { detail: "address" },
  buyer: { nick: "buyerNick" },
};

// Mainland mobiles and 18-character ID numbers, not inside longer digit runs (order ids, txn ids).
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
const ID_NUMBER = /(?<!\d)\d{17}[\dXx](?!\d)/g;
const MARKER = /⟦(\d+)⟧/g;

interface Hidden {
  token: string;
  original: string;
  kind: Kind;
  /** JSON path of the value ("" when the body is not JSON). */
  path: string;
  /** The whole value is hidden (a keyed field), not a pattern inside it. */
  whole: boolean;
}

function display(actor: Actor, kind: Kind, v: string): string {
  const seesReceiver = can(actor, "order.viewAddress");
  switch (kind) {
    case "name":
      return seesReceiver ? v : "已隐藏";
    case "phone":
      return seesReceiver ? maskField(actor, "phone", v)! : "已隐藏";
    case "address":
      return seesReceiver ? maskField(actor, "addressDetail", v)! : "已隐藏";
    case "buyerNick":
      return maskField(actor, "buyerNick", v)!;
    case "idNumber":
      return maskField(actor, "idNumber", v)!;
  }
}

class Masker {
  readonly hidden: Hidden[] = [];
  constructor(private readonly actor: Actor) {}

  private hide(kind: Kind, original: string, path: string, whole: boolean): string {
    const shown = display(this.actor, kind, original);
    if (shown === original) return original;
    const token = `${shown}⟦${this.hidden.length + 1}⟧`;
    this.hidden.push({ token, original, kind, path, whole });
    return token;
  }

  /** Phones and ID numbers inside free text. */
  text(s: string, path: string): string {
    return s
      .replace(ID_NUMBER, (m) => this.hide("idNumber", m, path, false))
      .replace(MOBILE, (m) => this.hide("phone", m, path, false));
  }

  value(v: unknown, path: string, kind: Kind | undefined, key: string): unknown {
    if (typeof v === "string") return kind && v !== "" ? this.hide(kind, v, path, true) : this.text(v, path);
    if (Array.isArray(v)) return v.map((x, i) => this.value(x, `${path}/${i}`, undefined, key));
    if (v && typeof v === "object") {
      const nested = NESTED[key] ?? {};
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, this.value(x, `${path}/${k}`, nested[k] ?? KEYS[k], k)]));
    }
    return v;
  }
}

function parsed(raw: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: parseJsonLossless(raw) };
  } catch {
    return { ok: false };
  }
}

/** The body as this viewer may see it (pretty-printed when it is JSON), and what was hidden. */
function maskWithList(actor: Actor, raw: string): { text: string; hidden: Hidden[] } {
  const m = new Masker(actor);
  const json = parsed(raw);
  const text = json.ok ? JSON.stringify(m.value(json.value, "", undefined, ""), null, 2) : m.text(raw, "");
  return { text, hidden: m.hidden };
}

export function maskRawPayload(actor: Actor, raw: string): string {
  return maskWithList(actor, raw).text;
}

/** Free text (a refusal reason may quote a value): phones and ID numbers masked, no markers. */
export function maskRawText(actor: Actor, text: string): string {
  return text.replace(ID_NUMBER, (m) => display(actor, "idNumber", m)).replace(MOBILE, (m) => display(actor, "phone", m));
}

const misplaced = (token: string) => new AppError("REPLAY_FAILED", { message: `遮蔽值 ${token} 只能原样留在原处，或整体替换为新值` });

/**
 * The corrected body (JSON) with the originals put back where their markers were left untouched.
 * Refuses a marker that was edited or moved.
 */
export function restoreCorrection(actor: Actor, originalRaw: string, corrected: unknown): unknown {
  const { hidden } = maskWithList(actor, originalRaw);
  const byToken = new Map(hidden.map((h) => [h.token, h]));
  const wasJson = parsed(originalRaw).ok;
  const walk = (v: unknown, path: string, key: string, parentKey: string): unknown => {
    if (typeof v === "string") {
      if (!v.includes("⟦")) return v;
      const kindHere = NESTED[parentKey]?.[key] ?? KEYS[key];
      return v.replace(/[^"⟦]*⟦\d+⟧/g, (token) => {
        // The marker with its masked prefix: find the hidden value it stands for.
        const h = [...byToken.values()].find((x) => token.endsWith(x.token) && x.token.length <= token.length);
        if (!h) throw misplaced(token.match(MARKER)?.[0] ?? token);
        const inPlace = wasJson ? h.path === path : h.kind === kindHere && v === h.token;
        if (!inPlace || (h.whole && v !== h.token)) throw misplaced(h.token);
        return token.slice(0, token.length - h.token.length) + h.original;
      });
    }
    if (Array.isArray(v)) return v.map((x, i) => walk(x, `${path}/${i}`, key, parentKey));
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, `${path}/${k}`, k, key)]));
    return v;
  };
  return walk(corrected, "", "", "");
}
