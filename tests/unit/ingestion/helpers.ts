import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import type { CanonicalOrder } from "@/lib/ingestion/canonical-order";
import { parseJsonLossless, type MapResult } from "@/lib/ingestion/mappers";

const dir = path.join(import.meta.dirname, "fixtures");

/** A fixture's raw text. */
export const fixtureText = (name: string): string => readFileSync(path.join(dir, `${name}.json`), "utf8");

/** A fixture parsed losslessly (19-digit ids arrive as strings), fresh on every call. */
export const fixture = (name: string): any => parseJsonLossless(readFileSync(path.join(dir, `${name}.json`), "utf8"));

/** The same fixture through plain JSON.parse, i.e. with big ids already corrupted. */
export const fixtureLossy = (name: string): any => JSON.parse(readFileSync(path.join(dir, `${name}.json`), "utf8"));

export function ok(r: MapResult): CanonicalOrder {
  if (!r.ok) expect.fail(`expected ok, got ${r.code} ${r.message} (${r.field ?? ""})`);
  return r.order;
}

export function err(r: MapResult): Extract<MapResult, { ok: false }> {
  if (r.ok) expect.fail(`expected an error, got status ${r.order.status}`);
  return r;
}

/** paid = goods + freight + adjustment − discounts, and the lines add up to the goods part. */
export function expectBalanced(o: CanonicalOrder): void {
  const a = o.amounts;
  expect(a.goodsFen + a.freightFen + a.adjustmentFen - a.merchantDiscountFen - a.platformSubsidyFen - a.couponFen).toBe(a.paidFen);
  expect(o.items.reduce((s, i) => s + i.unitPriceFen * i.quantity, 0)).toBe(a.goodsFen);
  for (const i of o.items) expect(i.unitPriceFen * i.quantity - i.discountFen).toBe(i.paidFen);
  expect(o.warnings).toEqual([]);
}

export const utc = (iso: string) => new Date(iso);
