/**
 * Knobs for behaviour the format docs mark unconfirmed (✖ / [U]). Defaults are the docs' best
 * reading; each can be changed per channel once checked against live data.
 */
export interface MapperOptions {
  /**
   * Taobao: which order-level promotions the platform funds. Payer is not labelled on the order ✖;
   * the default guesses by name (跨店满减券, 购物津贴, 天猫/淘宝 coupons…).
   */
  taobaoPlatformPromotion?: RegExp;
  /**
   * Taobao: take the platform subsidy from promotion names (default) or from the undocumented
   * `platform_subsidy_fee` ✖ (both capped at the order-level discount_fee).
   */
  taobaoSubsidySource?: "promotionName" | "platformSubsidyFee";
  /** JD LOCKED: SPEC says a lock is ON_HOLD; the JD doc reads it as "refunding + hold" ✖. */
  jdLockedStatus?: "ON_HOLD" | "AFTER_SALE";
  /** PDD capital_free_discount (团长免单): platform-funded per the doc [U]. */
  pddCapitalFreeFundedBy?: "platform" | "merchant";
  /**
   * PDD rows from pdd.refund.list.increment.get for this order (yuan strings). The order itself
   * has no refund amounts, and refund_status=4 alone cannot tell a full refund from a partial one.
   */
  pddRefunds?: unknown;
  /** PDD refund_status=4 with no refund rows given: review (default) or assume a full refund [U]. */
  pddRefundedWithoutRows?: "NEEDS_REVIEW" | "REFUNDED";
}

export const DEFAULT_TAOBAO_PLATFORM_PROMOTION = /跨店|购物津贴|天猫|淘宝|聚划算|平台|官方/;
