/**
 * JSON.parse that keeps big integers exact. Taobao tid/oid and Douyin product_id / p_id / s_ids
 * are 19-digit JSON numbers; plain JSON.parse rounds them (6930000000000000001 → …000). Node 20
 * has no reviver `context.source`, so integer literals of 16+ digits outside strings are quoted
 * before parsing: they arrive as strings, the form every mapper expects for ids.
 */

// A JSON number token, anchored where the scanner stands (sticky).
const NUMBER_TOKEN = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const BIG_INTEGER = /^-?\d{16,}$/; // 16 digits already reach past 2^53 (9007199254740992)

/** Quotes long integer literals outside strings; everything else is copied byte for byte. */
export function quoteBigIntegers(raw: string): string {
  let out = "";
  let copied = 0;
  let i = 0;
  while (i < raw.length) {
    const c = raw.charCodeAt(i);
    if (c === 0x22) {
      // Skip a string literal, honouring backslash escapes (\" and \\).
      i++;
      while (i < raw.length) {
        const d = raw.charCodeAt(i);
        if (d === 0x5c) i += 2;
        else if (d === 0x22) {
          i++;
          break;
        } else i++;
      }
      continue;
    }
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      NUMBER_TOKEN.lastIndex = i;
      const m = NUMBER_TOKEN.exec(raw);
      if (!m) {
        i++; // a lone "-": leave it for JSON.parse to reject
        continue;
      }
      if (BIG_INTEGER.test(m[0])) {
        out += `${raw.slice(copied, i)}"${m[0]}"`;
        copied = i + m[0].length;
      }
      i += m[0].length;
      continue;
    }
    i++;
  }
  return copied === 0 ? raw : out + raw.slice(copied);
}

/** Parses JSON keeping integers of 16+ digits as strings. Throws SyntaxError on invalid JSON. */
export function parseJsonLossless(raw: string): unknown {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw; // tolerate a UTF-8 BOM
  return JSON.parse(quoteBigIntegers(text));
}
