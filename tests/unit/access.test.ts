import { describe, expect, it } from "vitest";
import type { Actor } from "../../lib/access/actor";
import { maskAddressDetail, maskField, maskIdNumber, maskNick, maskPhone } from "../../lib/access/mask";
import { DEFAULT_ROLES, PERMISSIONS, ROLE_KEYS } from "../../lib/access/roles";
import { orderScope } from "../../lib/access/scope";
import { navItemsFor } from "../../components/layout/nav-items";

const actor = (over: Partial<Actor>): Actor => ({
  id: "u", username: "u", displayName: "u", roleKey: "CS_AGENT", roleName: { zh: "客服", en: "CS" },
  permissions: new Set(), rowScope: "ALL", unmaskedFields: new Set(), exportRowCap: 0, region: null, channelIds: [], locale: "zh-CN", ...over,
});

describe("masking", () => {
  it("masks as the SPEC shows", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
    expect(maskIdNumber("110101199003071234")).toBe("110101********1234");
    expect(maskAddressDetail("文三路 90 号东部软件园 3 号楼")).toBe("文三路 ****");
    expect(maskNick("tb_小明同学")).toBe("t***学");
  });

  it("shows a field in full only to roles it is unmasked for", () => {
    expect(maskField(actor({}), "phone", "13812345678")).toBe("138****5678");
    expect(maskField(actor({ unmaskedFields: new Set(["phone"]) }), "phone", "13812345678")).toBe("13812345678");
    expect(maskField(actor({}), "phone", null)).toBeNull();
  });
});

describe("row scope", () => {
  it("limits CS agents to their shops and regional managers to their region; never widens when unassigned", () => {
    expect(orderScope(actor({ rowScope: "CHANNELS", channelIds: ["ch_jd"] }))).toEqual({ channelId: { in: ["ch_jd"] } });
    expect(orderScope(actor({ rowScope: "CHANNELS", channelIds: [] }))).toEqual({ channelId: { in: [] } });
    expect(orderScope(actor({ rowScope: "REGION", region: "华东" }))).toEqual({ receiverRegion: "华东" });
    expect(orderScope(actor({ rowScope: "REGION", region: null }))).not.toEqual({});
    expect(orderScope(actor({ rowScope: "ALL" }))).toEqual({});
  });
});

describe("default roles", () => {
  it("covers every role with known permissions only", () => {
    expect(DEFAULT_ROLES.map((r) => r.key).sort()).toEqual([...ROLE_KEYS].sort());
    for (const r of DEFAULT_ROLES) for (const p of r.permissions) expect(PERMISSIONS).toContain(p);
  });

  it("keeps least privilege: finance no addresses, warehouse no payments, CS no export, only auditors read the audit log", () => {
    const by = Object.fromEntries(DEFAULT_ROLES.map((r) => [r.key, new Set(r.permissions)]));
    expect(by.FINANCE.has("order.viewAddress")).toBe(false);
    expect(by.WAREHOUSE.has("order.viewPayments")).toBe(false);
    expect(by.CS_AGENT.has("order.export")).toBe(false);
    expect(DEFAULT_ROLES.filter((r) => r.permissions.includes("audit.view")).map((r) => r.key)).toEqual(["AUDITOR"]);
  });
});

describe("the sidebar", () => {
  const hrefs = (a: Actor) => navItemsFor(a).map((i) => i.href);
  const permissions = new Set(["order.view", "ingestion.manage", "finance.reconcile"] as const);
  it("lists the whole-book areas (数据接入, 对账) only to a role that sees every shop and region", () => {
    expect(hrefs(actor({ permissions, rowScope: "ALL" }))).toEqual(expect.arrayContaining(["/orders", "/ingestion", "/reconciliation"]));
    for (const scoped of [actor({ permissions, rowScope: "REGION", region: "华东" }), actor({ permissions, rowScope: "CHANNELS", channelIds: ["ch_jd"] })]) {
      expect(hrefs(scoped)).toContain("/orders");
      expect(hrefs(scoped)).not.toContain("/ingestion");
      expect(hrefs(scoped)).not.toContain("/reconciliation");
    }
  });
  it("lists no area the role lacks the permission for", () => {
    expect(hrefs(actor({ permissions: new Set(["order.view"] as const) }))).not.toContain("/ingestion");
  });
});
