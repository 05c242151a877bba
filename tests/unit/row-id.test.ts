import { describe, expect, it } from "vitest";
import { newRowId } from "../../lib/db/row-id";

describe("newRowId (UUIDv7 for bulk-inserted rows)", () => {
  it("is an RFC 9562 version-7 UUID whose first 48 bits are the millisecond time", () => {
    const at = Date.UTC(2026, 10, 30, 10, 0, 0, 123);
    const id = newRowId(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(at);
  });

  it("sorts by time across milliseconds (so new rows append to id indexes) and never repeats", () => {
    const start = 1_764_000_000_000;
    const byMs = Array.from({ length: 500 }, (_, ms) => Array.from({ length: 10 }, () => newRowId(start + ms)));
    for (let ms = 1; ms < byMs.length; ms++) expect(byMs[ms].every((id) => byMs[ms - 1].every((earlier) => earlier < id))).toBe(true);
    expect(new Set(byMs.flat()).size).toBe(5_000);
  });
});
