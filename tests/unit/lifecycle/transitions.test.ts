import { describe, expect, it } from "vitest";
import { DEFAULT_ROLES } from "@/lib/access/roles";
import { isLegal, legalActions, ORDER_ACTIONS, ORDER_STATUSES, TRANSITIONS, type OrderAction } from "@/lib/lifecycle/transitions";

// The expected machine, written out independently of the table (rows: action; columns: from-status).
// Columns: PENDING_PAYMENT PAID PUSHED_TO_WMS SHIPPED DELIVERED COMPLETED CANCELLED AFTER_SALE REFUNDED NEEDS_REVIEW ON_HOLD
const EXPECTED: Record<OrderAction, string> = {
  markPaid:        "x . . . . . . . . . .",
  pushToWms:       ". x . . . . . . . . .",
  confirmShipment: ". x x . . . . . . . .",
  markDelivered:   ". . . x . . . . . . .",
  complete:        ". . . . x . . . . . .",
  cancel:          "x x . . . . . . . x x",
  hold:            ". x x x . . . . . . .",
  release:         ". . . . . . . . . x x",
  requestRefund:   ". x x x x x . . . . x",
  completeRefund:  ". . . . . . . x . . .",
  failRefund:      ". . . . . . . x . . .",
  flagForReview:   "x x x x x . . x . . x",
};

describe("order status machine", () => {
  const pairs = ORDER_ACTIONS.flatMap((action) => ORDER_STATUSES.map((from, i) => ({ action, from, legal: EXPECTED[action].split(" ")[i] === "x" })));

  it("covers every action × status pair (132)", () => expect(pairs).toHaveLength(132));

  it.each(pairs)("$action from $from → legal: $legal", ({ action, from, legal }) => {
    expect(isLegal(action, from)).toBe(legal);
  });

  it("terminal statuses (COMPLETED aside from refunds, CANCELLED, REFUNDED) allow nothing else", () => {
    expect(legalActions("CANCELLED")).toEqual([]);
    expect(legalActions("REFUNDED")).toEqual([]);
    expect(legalActions("COMPLETED")).toEqual(["requestRefund"]);
  });

  it("fixed targets go where SPEC §2 says", () => {
    expect(TRANSITIONS.markPaid.to).toBe("PAID");
    expect(TRANSITIONS.pushToWms.to).toBe("PUSHED_TO_WMS");
    expect(TRANSITIONS.confirmShipment.to).toBe("SHIPPED");
    expect(TRANSITIONS.markDelivered.to).toBe("DELIVERED");
    expect(TRANSITIONS.complete.to).toBe("COMPLETED");
    expect(TRANSITIONS.cancel.to).toBe("CANCELLED");
    expect(TRANSITIONS.hold.to).toBe("ON_HOLD");
    expect(TRANSITIONS.requestRefund.to).toBe("AFTER_SALE");
    expect(TRANSITIONS.flagForReview.to).toBe("NEEDS_REVIEW");
    expect(TRANSITIONS.release.to).toBe("RESTORE");
    expect(TRANSITIONS.completeRefund.to).toBe("REFUND_OUTCOME");
    expect(TRANSITIONS.failRefund.to).toBe("RESTORE");
  });

  it("actions that change a customer's order for a person's judgement need a reason", () => {
    const needs = ORDER_ACTIONS.filter((a) => TRANSITIONS[a].reasonRequired).sort();
    expect(needs).toEqual(["cancel", "failRefund", "flagForReview", "hold", "requestRefund"]);
  });

  it("every action's permission is granted to some role, and CS may ship but not cancel", () => {
    const granted = new Set(DEFAULT_ROLES.flatMap((r) => r.permissions));
    for (const a of ORDER_ACTIONS) expect(granted.has(TRANSITIONS[a].permission)).toBe(true);
    const cs = DEFAULT_ROLES.find((r) => r.key === "CS_AGENT")!;
    expect(cs.permissions).toContain(TRANSITIONS.confirmShipment.permission);
    expect(cs.permissions).not.toContain(TRANSITIONS.cancel.permission);
    const auditor = DEFAULT_ROLES.find((r) => r.key === "AUDITOR")!;
    for (const a of ORDER_ACTIONS) expect(auditor.permissions).not.toContain(TRANSITIONS[a].permission);
  });
});
