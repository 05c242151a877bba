/**
 * The configurable keyword list (ingest_keywords). Read at most every 30 s per process: one small
 * row set, so the cache is bounded, and a change shows within half a minute on every worker.
 */
import type { Db } from "../db/client";
import type { KeywordRule } from "./cleanse-order";

const TTL_MS = 30_000;
let cached: { at: number; rules: KeywordRule[] } | null = null;

export async function loadKeywords(db: Db): Promise<KeywordRule[]> {
  if (cached && Date.now() - cached.at < TTL_MS) return cached.rules;
  const rows = await db.ingestKeyword.findMany({ where: { active: true }, select: { keyword: true, tag: true, priorityBoost: true }, orderBy: { keyword: "asc" }, take: 500 });
  cached = { at: Date.now(), rules: rows };
  return rows;
}

/** For tests and the settings form: the next ingest reads the list afresh. */
export function forgetKeywords(): void {
  cached = null;
}
