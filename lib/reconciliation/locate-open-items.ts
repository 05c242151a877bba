/** The diff locator as a service: an amount typed by finance → combinations of open items, with their orders. */
import { z } from "zod";
import type { Actor } from "../access/actor";
import { assertWholeBook } from "../access/whole-book";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { parseYuan } from "../money/fen";
import { DEFAULT_BOUNDS, LocatorLimitError, locateDiff } from "./locate-diff";
import { listOpenItems, type OpenItem } from "./open-items";
import { BizDay } from "../time/biz-time";

export const LocateInput = z.object({
  /** Yuan as typed, e.g. "428.36" or "-37.80". */
  amount: z.string().trim().regex(/^[-+]?\d{1,9}(\.\d{1,2})?$/),
  dayFrom: BizDay.optional(),
  dayTo: BizDay.optional(),
});
export type LocateInput = z.infer<typeof LocateInput>;

export interface LocateOutput {
  targetFen: number;
  itemCount: number;
  combinations: OpenItem[][];
  searchedUpTo: number;
  truncated: boolean;
}

export async function locateOpenItems(db: Db, actor: Actor, input: LocateInput): Promise<LocateOutput> {
  assertWholeBook(actor, "finance.reconcile");
  const targetFen = parseYuan(input.amount);
  const items = await listOpenItems(db, input, DEFAULT_BOUNDS.maxItems + 1);
  try {
    const r = locateDiff(items.map((i) => i.amountFen), targetFen);
    return { targetFen, itemCount: items.length, combinations: r.combinations.map((c) => c.map((i) => items[i])), searchedUpTo: r.searchedUpTo, truncated: r.truncated };
  } catch (err) {
    if (err instanceof LocatorLimitError) throw new AppError("LOCATOR_TOO_MANY_ITEMS", { max: err.maxItems });
    throw err;
  }
}
