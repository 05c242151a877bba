import { describe, expect, it } from "vitest";
import type { Actor } from "../../lib/access/actor";
import { DecideUnmaskInput } from "../../lib/access/decide-unmask";
import { RequestUnmaskInput } from "../../lib/access/request-unmask";
import { DEFAULT_ROLES } from "../../lib/access/roles";
import { maskedFieldsOf, maskFieldWithGrants, UNMASK_DEFAULT_MINUTES, type UnmaskState } from "../../lib/access/unmask-grants";

const actor = (over: Partial<Actor> = {}): Actor => ({
  id: "u", username: "u", displayName: "u", roleKey: "CS_AGENT", roleName: { zh: "客服", en: "CS" },
  permissions: new Set(), rowScope: "ALL", unmaskedFields: new Set(), exportRowCap: 0, region: null, channelIds: [], locale: "zh-CN", ...over,
});
const state = (granted: string[] = [], pending: string[] = []): UnmaskState => ({
  granted: new Map(granted.map((f) => [f as "phone", new Date("2030-01-01T00:00:00Z")])),
  pending: new Set(pending as "phone"[]),
});

describe("temporary unmask grants", () => {
  it("shows a granted field in full and masks the rest", () => {
    expect(maskFieldWithGrants(actor(), state(["phone"]), "phone", "13812345678")).toBe("13812345678");
    expect(maskFieldWithGrants(actor(), state(["phone"]), "addressDetail", "文三路 90 号东部软件园")).toBe("文三路 ****");
    expect(maskFieldWithGrants(actor(), state(), "phone", "13812345678")).toBe("138****5678");
    expect(maskFieldWithGrants(actor(), state(["phone"]), "phone", null)).toBeNull();
  });

  it("offers a request only for fields that are masked now and have a value", () => {
    const values = { phone: "13812345678", addressDetail: "文三路 90 号", buyerNick: null };
    expect(maskedFieldsOf(actor(), state(), values)).toEqual(["phone", "addressDetail"]);
    expect(maskedFieldsOf(actor(), state(["phone"]), values)).toEqual(["addressDetail"]);
    expect(maskedFieldsOf(actor({ unmaskedFields: new Set(["addressDetail"]) }), state(), values)).toEqual(["phone"]);
  });

  it("validates requests and decisions: a reason is required, durations come from the list, 30 minutes by default", () => {
    expect(RequestUnmaskInput.safeParse({ entityType: "order", entityId: "o1", field: "phone", reason: "ok" }).success).toBe(false);
    expect(RequestUnmaskInput.safeParse({ entityType: "customer", entityId: "c1", field: "phone", reason: "long enough" }).success).toBe(true);
    expect(RequestUnmaskInput.safeParse({ entityType: "shipment", entityId: "o1", field: "phone", reason: "long enough" }).success).toBe(false);
    expect(RequestUnmaskInput.safeParse({ entityType: "order", entityId: "o1'; --", field: "phone", reason: "long enough" }).success).toBe(false);
    expect(DecideUnmaskInput.parse({ id: "r1", decision: "APPROVED" })).toMatchObject({ minutes: UNMASK_DEFAULT_MINUTES });
    expect(DecideUnmaskInput.safeParse({ id: "r1", decision: "APPROVED", minutes: 7 }).success).toBe(false);
    expect(UNMASK_DEFAULT_MINUTES).toBe(30);
  });
});

describe("default roles for unmask and export", () => {
  it("lets admins and ops managers approve, and caps exports (CS, warehouse and auditors none)", () => {
    const by = Object.fromEntries(DEFAULT_ROLES.map((r) => [r.key, r]));
    expect(DEFAULT_ROLES.filter((r) => r.permissions.includes("unmask.approve")).map((r) => r.key).sort()).toEqual(["ADMIN", "OPS_MANAGER"]);
    for (const r of DEFAULT_ROLES) expect(r.exportRowCap > 0).toBe(r.permissions.includes("order.export"));
    expect(by.CS_AGENT.exportRowCap).toBe(0);
    expect(by.REGIONAL_MANAGER.exportRowCap).toBe(10_000);
  });
});
