/**
 * Reads the entries of a ZIP archive (Alipay ships its bills as a ZIP of GBK CSVs). Only what those
 * archives use: stored or deflated entries, found through the central directory. Entry names (GBK,
 * without the UTF-8 flag) are only looked at to skip folders.
 */
import { inflateRawSync } from "node:zlib";

/** The contents of every file entry, in directory order. */
export function readZip(buf: Buffer): Buffer[] {
  // End of central directory: the last 0x06054b50 signature (a comment may follow it).
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("zip: no end of central directory");
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries: Buffer[] = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error("zip: bad central directory");
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const nameBytes = buf.subarray(p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (nameBytes[nameBytes.length - 1] === 0x2f) continue; // a folder
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + compressed);
    if (method !== 0 && method !== 8) throw new Error(`zip: unsupported method ${method}`);
    entries.push(method === 0 ? Buffer.from(raw) : inflateRawSync(raw));
  }
  return entries;
}
