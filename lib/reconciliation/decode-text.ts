/**
 * Statement bytes → text. WeChat bills are UTF-8 (maybe with a BOM); Alipay bills are GBK, unless
 * someone re-saved them in Excel as UTF-8 with a BOM; so: BOM first, then strict UTF-8, then GB18030
 * (a superset of GBK).
 */
import iconv from "iconv-lite";

export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString("utf8");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, "gb18030");
  }
}
