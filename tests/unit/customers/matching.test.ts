import { describe, expect, it } from "vitest";
import { evidenceFromOrder, type OrderForEvidence } from "../../../lib/customers/evidence-from-order";
import { hashIdentity, normaliseIdentity } from "../../../lib/customers/identity";
import { anchorKinds, DEFAULT_MATCH_THRESHOLD, MATCH_WEIGHTS, matchScore, scoreTable } from "../../../lib/customers/match-score";

const order = (over: Partial<OrderForEvidence> = {}): OrderForEvidence => ({
  id: "o1", channelId: "ch_tmall", customerId: "c1", buyerNick: "tb_小王", receiverName: "王小明",
  receiverPhone: "13812345678", receiverProvince: "浙江省", receiverCity: "杭州市", receiverDistrict: "西湖区",
  receiverDetail: "文三路 100 号 5 幢 301", rawPayload: {}, ...over,
});

describe("match score (seed 004 weights, 1 − Π(1 − w))", () => {
  it.each([
    ["phone", 0.9], ["idNumber", 0.95], ["nameAddress", 0.7], ["alipay", 0.8], ["device", 0.4], ["platformBuyer", 0],
  ] as const)("a shared %s alone scores its weight %s", (kind, w) => {
    expect(MATCH_WEIGHTS[kind]).toBe(w);
    expect(matchScore([kind])).toBe(w);
  });

  it("combines independent kinds", () => {
    expect(matchScore(["nameAddress", "device"])).toBe(0.82); // 1 − 0.3 × 0.6
    expect(matchScore(["phone", "nameAddress"])).toBe(0.97); // 1 − 0.1 × 0.3
    expect(matchScore(["alipay", "device"])).toBe(0.88);
    expect(matchScore(["phone", "idNumber", "alipay"])).toBe(0.999);
  });

  it("counts a kind once, however many values of it are shared", () => {
    expect(matchScore(["device", "device", "device"])).toBe(0.4);
  });

  it("nothing shared scores 0; the threshold separates phone alone from weaker evidence", () => {
    expect(matchScore([])).toBe(0);
    expect(matchScore(["phone"])).toBeGreaterThanOrEqual(DEFAULT_MATCH_THRESHOLD);
    expect(matchScore(["nameAddress", "device"])).toBeLessThan(DEFAULT_MATCH_THRESHOLD);
    expect(matchScore(["alipay"])).toBeLessThan(DEFAULT_MATCH_THRESHOLD);
    expect(matchScore(["alipay", "device"])).toBeGreaterThanOrEqual(DEFAULT_MATCH_THRESHOLD);
  });
});

describe("what the set-based proposal pass is given", () => {
  it("anchors: at the default threshold a pair must share a phone, an ID or an Alipay account", () => {
    expect(anchorKinds(DEFAULT_MATCH_THRESHOLD).sort()).toEqual(["alipay", "idNumber", "phone"]);
    expect(matchScore(["nameAddress", "device"])).toBeLessThan(DEFAULT_MATCH_THRESHOLD); // why the others are not
  });
  it("anchors follow the threshold", () => {
    expect(anchorKinds(0.97).sort()).toEqual(["idNumber", "phone"]); // device + name/address + Alipay = 0.964
    expect(anchorKinds(0.5).sort()).toEqual(["alipay", "idNumber", "nameAddress", "phone"]);
    expect(anchorKinds(0.3)).toHaveLength(5);
  });
  it("the score table holds matchScore in per mille for every combination of weighted kinds", () => {
    const { keys, scores } = scoreTable();
    expect(keys).toHaveLength(31); // 2^5 − 1
    const at = (kinds: string) => scores[keys.indexOf(kinds)];
    expect(at("phone")).toBe(900);
    expect(at("device,nameAddress")).toBe(820);
    expect(at("alipay,device")).toBe(880);
    expect(at("alipay,idNumber,phone")).toBe(999);
    expect(keys.every((k) => k === k.split(",").sort().join(","))).toBe(true);
  });
});

describe("identity normalisation and hashing", () => {
  it("phones match whatever the formatting", () => {
    expect(normaliseIdentity("phone", "+86 138-1234-5678")).toBe("13812345678");
    expect(normaliseIdentity("phone", "138****5678")).toBeNull();
    expect(hashIdentity("phone", "13812345678")).toBe(hashIdentity("phone", normaliseIdentity("phone", "86 13812345678")!));
  });
  it("hashes depend on the kind and never contain the value", () => {
    const h = hashIdentity("phone", "13812345678");
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(h).not.toBe(hashIdentity("alipay", "13812345678"));
  });
  it("ID numbers: 18 digits (X check digit) or 15; others are not evidence", () => {
    expect(normaliseIdentity("idNumber", "33010619900101123x")).toBe("33010619900101123X");
    expect(normaliseIdentity("idNumber", "12345")).toBeNull();
  });
});

describe("evidence from an order", () => {
  it("collects phone and name+address with masked display copies only", () => {
    const ev = evidenceFromOrder(order());
    const kinds = ev.map((e) => e.kind).sort();
    expect(kinds).toEqual(["nameAddress", "phone", "platformBuyer"]);
    const text = JSON.stringify(ev);
    expect(text).not.toContain("13812345678");
    expect(text).not.toContain("文三路 100 号");
    expect(ev.find((e) => e.kind === "phone")!.display).toBe("138****5678");
  });

  it("reads ID number, Alipay account, device and platform buyer ids from the raw payload", () => {
    const ev = evidenceFromOrder(order({ rawPayload: { buyer: { alipay_account: "wang@example.com", device_id: "A1B2C3D4E5F6" }, receiver: { id_card: "330106199001011234" }, open_id_buyer: "jdOPEN123456" } }));
    const kinds = new Set(ev.map((e) => e.kind));
    for (const k of ["idNumber", "alipay", "device", "platformBuyer"]) expect(kinds.has(k as never)).toBe(true);
    expect(JSON.stringify(ev)).not.toContain("330106199001011234");
    expect(JSON.stringify(ev)).not.toContain("wang@example.com");
  });

  it("two orders of one person on different channels share phone and name+address, not the platform buyer", () => {
    const a = evidenceFromOrder(order());
    const b = evidenceFromOrder(order({ id: "o2", channelId: "ch_jd", customerId: "c2", receiverPhone: "138 1234 5678", receiverDetail: "文三路100号5幢301" }));
    const shared = a.filter((x) => b.some((y) => y.kind === x.kind && y.valueHash === x.valueHash)).map((x) => x.kind).sort();
    expect(shared).toEqual(["nameAddress", "phone"]);
    expect(matchScore(shared)).toBe(0.97);
  });

  it("payment transaction ids are not evidence (unique per trade)", () => {
    const ev = evidenceFromOrder(order({ receiverPhone: null, buyerNick: null, rawPayload: { pay_no: "2026113022001234567890123456", trade_no: "x" } }));
    expect(ev.map((e) => e.kind)).toEqual(["nameAddress"]);
  });
});
