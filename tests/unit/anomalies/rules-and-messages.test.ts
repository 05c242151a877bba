import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import en from "../../../messages/en.json";
import zh from "../../../messages/zh-CN.json";
import { robotAccepted, robotBody, signedUrl } from "../../../lib/anomalies/robot-message";
import { RULE_CODES, RULES, settingFor } from "../../../lib/anomalies/rules";
import { weekRange } from "../../../lib/anomalies/weekly-figures";

const facts = { ruleCode: "PAID_NOT_SHIPPED", severity: "SEVERE", orderNo: "OH20261130000001", paidFen: 12_345, openedAt: new Date("2026-11-30T02:00:00Z"), dueAt: new Date("2026-11-30T02:30:00Z"), detail: {}, link: "https://hub.example/exceptions?id=x" };

describe("rules catalog", () => {
  it("has the seeds' defaults: 5 orders/hour, 2 h, 48 h, ¥5,000, 临时仓/代收点, 2 minutes", () => {
    expect(settingFor("BUYER_BURST").params).toMatchObject({ maxOrders: 5, windowMinutes: 60 });
    expect(settingFor("PAID_NOT_SHIPPED").params.minutes).toBe(120);
    expect(settingFor("NO_LOGISTICS").params.minutes).toBe(48 * 60);
    expect(settingFor("HIGH_AMOUNT_APPROVAL").params.minAmountFen).toBe(500_000);
    expect(settingFor("ADDRESS_KEYWORD").params.keywords).toEqual(["临时仓", "代收点"]);
    expect(settingFor("PAYMENT_STATUS_LAG").params.minutes).toBe(2);
  });

  it("merges saved params over the defaults and falls back when a saved value no longer fits", () => {
    expect(settingFor("BUYER_BURST", { enabled: false, severity: "SEVERE", params: { maxOrders: 8 } })).toEqual({
      code: "BUYER_BURST", enabled: false, severity: "SEVERE", params: { maxOrders: 8, windowMinutes: 60, slaMinutes: 240 },
    });
    expect(settingFor("BUYER_BURST", { enabled: true, severity: "LIGHT", params: { maxOrders: -3 } }).params.maxOrders).toBe(5);
  });

  it("severe rules get a 30-minute SLA, light ones 4 hours, by default", () => {
    for (const code of RULE_CODES) expect(settingFor(code).params.slaMinutes).toBe(RULES[code].severity === "SEVERE" ? 30 : 240);
  });

  it("names every rule, parameter and close reason in both languages", () => {
    for (const lang of [zh, en]) {
      for (const code of RULE_CODES) {
        expect(lang.anomalies.rules, code).toHaveProperty(code);
        for (const p of Object.keys(RULES[code].kinds)) expect(lang.anomalies.params, p).toHaveProperty(p);
        expect(lang.anomalies.closeReasons).toHaveProperty(RULES[code].closeReason);
      }
    }
  });
});

describe("robot messages", () => {
  it("DingTalk: msgtype markdown with title and text; WeCom: msgtype markdown with content", () => {
    const ding = robotBody("DINGTALK", facts) as { msgtype: string; markdown: { title: string; text: string } };
    expect(ding.msgtype).toBe("markdown");
    expect(ding.markdown.title).toBe("【严重异常】已付款未发货");
    expect(ding.markdown.text).toContain("OH20261130000001");
    expect(ding.markdown.text).toContain("¥123.45");
    expect(ding.markdown.text).toContain("2026/11/30 10:30"); // business time, not UTC
    const wecom = robotBody("WECOM", facts) as { msgtype: string; markdown: { content: string } };
    expect(wecom).toEqual({ msgtype: "markdown", markdown: { content: ding.markdown.text } });
  });

  it("signs DingTalk URLs with HmacSHA256(timestamp\\nsecret) and leaves WeCom's alone", () => {
    const url = new URL(signedUrl("DINGTALK", "https://oapi.dingtalk.com/robot/send?access_token=abc", "SECxyz", 1_700_000_000_000));
    expect(url.searchParams.get("access_token")).toBe("abc");
    expect(url.searchParams.get("timestamp")).toBe("1700000000000");
    expect(url.searchParams.get("sign")).toBe(createHmac("sha256", "SECxyz").update("1700000000000\nSECxyz").digest("base64"));
    expect(signedUrl("WECOM", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", "s")).toBe("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k");
  });

  it("accepts only errcode 0", () => {
    expect(robotAccepted(200, { errcode: 0, errmsg: "ok" })).toBe(true);
    expect(robotAccepted(200, { errcode: 310000, errmsg: "sign not match" })).toBe(false);
    expect(robotAccepted(500, { errcode: 0 })).toBe(false);
    expect(robotAccepted(200, null)).toBe(false);
  });
});

describe("weekly range", () => {
  it("starts on the business-zone Monday", () => {
    expect(weekRange("2026-11-30").start).toBe("2026-11-30"); // a Monday
    expect(weekRange("2026-12-06").start).toBe("2026-11-30"); // the Sunday after
    const r = weekRange("2026-12-02");
    expect(r.gte.toISOString()).toBe("2026-11-29T16:00:00.000Z");
    expect(r.lt.toISOString()).toBe("2026-12-06T16:00:00.000Z");
  });
});
