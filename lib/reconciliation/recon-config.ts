/**
 * Reconciliation defaults (SPEC §5, seeds 001/002). Rates are the merchant's contracted ones per
 * provider, not a bill's own 费率 column, in basis points.
 */
export const RECON = {
  /** Contracted fee per provider: WeChat Pay and Alipay standard merchant rate 0.6%. */
  contractFeeBp: { WECHAT: 60, ALIPAY: 60 } as Record<string, number>,
  /** Output VAT contained in receivable (13% general rate, price includes VAT). */
  vatBp: 1300,
  /** Fuzzy match: same amount, order-number tail of this many characters, within this window. */
  fuzzyTailChars: 6,
  fuzzyWindowMinutes: 15,
  /** A payment in the last minutes of a day is expected in the next day's bill (timing, carried forward). */
  timingWindowMinutes: 10,
  /** A refund the hub books higher than the bill by up to this much: the freight-insurance premium (运费险) not reversed. */
  freightInsuranceMaxFen: 500,
  /** Files up to this size are read in the request; larger ones go to the worker. */
  inlineBytes: 2 * 1024 * 1024,
};
