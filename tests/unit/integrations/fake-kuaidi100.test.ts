import { describe, expect, it } from "vitest";
import { fakeKuaidi100 } from "@/lib/integrations/logistics/fake-kuaidi100";
import { Kuaidi100Result, signKuaidi100Query } from "@/lib/integrations/logistics/kuaidi100";

const cfg = { key: "k", customer: "C1" };
const form = (com: string, num: string, key = cfg.key) => {
  const param = JSON.stringify({ com, num });
  return new URLSearchParams({ customer: cfg.customer, param, sign: signKuaidi100Query(param, key, cfg.customer) }).toString();
};
const H = 3_600_000;

describe("快递100 query simulator", () => {
  it("anchors a trace on the first query and signs it for deliverAfterMs later", () => {
    const reply = fakeKuaidi100(cfg, { deliverAfterMs: 5 * H });
    const t0 = Date.parse("2026-11-30T02:00:00Z");
    const first = Kuaidi100Result.parse(reply(form("zhongtong", "78300000000001"), t0).body);
    expect(first.state).toBe("0");
    expect(first.data.map((e) => e.ftime)).toEqual(["2026-11-30 08:00:00", "2026-11-30 05:00:00"]); // newest first, Beijing time
    const later = Kuaidi100Result.parse(reply(form("zhongtong", "78300000000001"), t0 + 6 * H).body);
    expect(later.state).toBe("3");
    expect(later.data).toHaveLength(4);
    expect(later.data[0]).toMatchObject({ ftime: "2026-11-30 15:00:00", statusCode: "3" });
  });

  it("refuses a wrong sign and answers unknown numbers with no result", () => {
    const reply = fakeKuaidi100(cfg, { knows: (n) => n === "A1234" });
    expect(reply(form("yuantong", "A1234", "wrong")).body).toMatchObject({ result: false, returnCode: "601" });
    expect(reply(form("yuantong", "B9999")).body).toMatchObject({ result: false, returnCode: "500" });
    expect(Kuaidi100Result.safeParse(reply(form("yuantong", "A1234")).body).success).toBe(true);
  });
});
