import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { anomalyJobs } from "../../../lib/anomalies/anomaly-jobs";
import { listWebhooks, saveWebhook } from "../../../lib/anomalies/webhooks";
import { isAppError } from "../../../lib/errors/app-error";
import { lifecycleJobs } from "../../../lib/integrations/lifecycle-jobs";
import { startWorker } from "../../../lib/jobs/start-worker";
import { actorFor, testDb, until } from "../helpers";
import { minutesAgo, ruleOrder, runRule } from "./fixtures";

/** A local robot: records what it got; answers like DingTalk/WeCom, or fails the first `failFirst` calls. */
async function startRobot() {
  const got: { url: string; body: Record<string, unknown> }[] = [];
  let failFirst = 0;
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      if (failFirst > 0) {
        failFirst -= 1;
        return void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ errcode: 310000, errmsg: "sign not match" }));
      }
      got.push({ url: req.url ?? "", body: JSON.parse(raw) });
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ errcode: 0, errmsg: "ok" }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const port = (server.address() as { port: number }).port;
  return { base: `http://127.0.0.1:${port}`, got, failNext: (n: number) => void (failFirst = n), close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe("severe exceptions go to robot webhooks through the job queue", () => {
  const db = testDb();
  let robot: Awaited<ReturnType<typeof startRobot>>;
  let worker: Awaited<ReturnType<typeof startWorker>>;
  const hookIds: string[] = [];

  beforeAll(async () => {
    robot = await startRobot();
    const ding = await db.alertWebhook.create({ data: { name: "钉钉测试", kind: "DINGTALK", url: `${robot.base}/robot/send?access_token=t1`, secret: "SEC-test" } });
    const wecom = await db.alertWebhook.create({ data: { name: "企微测试", kind: "WECOM", url: `${robot.base}/cgi-bin/webhook/send?key=k1` } });
    hookIds.push(ding.id, wecom.id);
    const jobs = [
      ...lifecycleJobs({ dispatchEverySeconds: 1 }).filter((j) => j.name === "outbox-dispatch"),
      ...anomalyJobs({ retry: { quick: { tries: 2, delayMs: 50 }, retryLimit: 2, retryDelaySeconds: 1 }, publicUrl: "https://hub.example" }).filter((j) => j.name === "anomaly-webhook"),
    ];
    worker = await startWorker({ databaseUrl: inject("databaseUrl"), jobs });
    await worker.boss.send("outbox-dispatch", {});
  });
  afterAll(async () => {
    await worker?.stop();
    await db.alertWebhook.updateMany({ where: { id: { in: hookIds } }, data: { enabled: false } });
    await robot?.close();
  });

  it("posts a severe exception once to each robot in its own format (DingTalk signed), with retries; light ones stay in-app", async () => {
    robot.failNext(1); // the first post is refused: retried
    const severe = await ruleOrder(db, { paidAt: minutesAgo(150) });
    const light = await ruleOrder(db, { paidAt: minutesAgo(40) });
    await runRule(db, "PAID_NOT_SHIPPED", [severe.id]);
    await runRule(db, "PAID_NOT_PUSHED", [light.id]);
    const ex = await db.orderException.findFirstOrThrow({ where: { orderId: severe.id, ruleCode: "PAID_NOT_SHIPPED" } });
    const deliveries = await until(() => db.alertDelivery.findMany({ where: { exceptionId: ex.id } }), (d) => d.length === 2 && d.every((x) => x.status === "SENT"));
    expect(deliveries.map((d) => d.status)).toEqual(["SENT", "SENT"]);
    expect(deliveries.reduce((s, d) => s + d.attempts, 0)).toBe(3);

    const ding = robot.got.find((g) => g.url.startsWith("/robot/send") && JSON.stringify(g.body).includes(severe.orderNo))!;
    expect(ding.body).toMatchObject({ msgtype: "markdown", markdown: { title: expect.stringContaining("已付款未发货") } });
    expect((ding.body.markdown as { text: string }).text).toContain(`https://hub.example/exceptions?id=${ex.id}`);
    const q = new URL(ding.url, robot.base).searchParams;
    expect(q.get("access_token")).toBe("t1");
    expect(q.get("timestamp")).toMatch(/^\d{13}$/);
    // DingTalk 加签: base64(HmacSHA256 keyed by the secret over "timestamp\nsecret").
    expect(q.get("sign")).toBe(createHmac("sha256", "SEC-test").update(`${q.get("timestamp")}\nSEC-test`).digest("base64"));
    const wecom = robot.got.find((g) => g.url.startsWith("/cgi-bin") && JSON.stringify(g.body).includes(severe.orderNo))!;
    expect(wecom.body).toMatchObject({ msgtype: "markdown", markdown: { content: expect.stringContaining(severe.orderNo) } });

    const lightEx = await db.orderException.findFirstOrThrow({ where: { orderId: light.id } });
    expect(lightEx.severity).toBe("LIGHT");
    expect(await db.alertDelivery.count({ where: { exceptionId: lightEx.id } })).toBe(0);
    expect(robot.got.some((g) => JSON.stringify(g.body).includes(light.orderNo))).toBe(false);
  });
});

describe("robot URLs carry their credential in the query: the browser and the audit log never see it", () => {
  const db = testDb();
  const code = (p: Promise<unknown>) => p.then(() => "ok", (e) => (isAppError(e) ? e.code : String(e)));

  it("masks access_token / key in the list and the audit log, keeps the stored URL on an unchanged save, refuses a masked one elsewhere", async () => {
    const ops = await actorFor("ops");
    const token = `tok-${Date.now()}`;
    const ding = `https://oapi.dingtalk.com/robot/send?access_token=${token}`;
    // Disabled: no deliveries for other files' exceptions.
    const { id } = await saveWebhook(db, ops, { name: "钉钉掩码", kind: "DINGTALK", url: ding, secret: "SEC-mask", enabled: false });
    const stored = () => db.alertWebhook.findUniqueOrThrow({ where: { id }, select: { url: true, name: true, secret: true } });
    expect(await stored()).toMatchObject({ url: ding, secret: "SEC-mask" });

    const listed = (await listWebhooks(db, ops)).find((h) => h.id === id)!;
    expect(listed).toMatchObject({ url: "https://oapi.dingtalk.com/robot/send?access_token=****", hasSecret: true });
    expect(JSON.stringify(await listWebhooks(db, ops))).not.toContain(token);
    const audits = () => db.auditLog.findMany({ where: { action: "rules.webhook", entityId: id }, orderBy: { id: "asc" }, select: { detail: true } });
    expect((await audits()).map((a) => (a.detail as { url: string }).url)).toEqual(["https://oapi.dingtalk.com/robot/send?access_token=****"]);

    // The edit form sends the masked URL back unchanged: the saved one (with its token) stays.
    await saveWebhook(db, ops, { id, name: "钉钉掩码 2", kind: "DINGTALK", url: listed.url, enabled: false });
    expect(await stored()).toEqual({ url: ding, name: "钉钉掩码 2", secret: "SEC-mask" });
    // A masked value on another address (or a new hook) cannot be resolved: refused, nothing changed.
    expect(await code(saveWebhook(db, ops, { id, name: "x", kind: "DINGTALK", url: "https://evil.example/robot/send?access_token=****", enabled: false }))).toBe("WEBHOOK_INVALID");
    expect(await code(saveWebhook(db, ops, { name: "x", kind: "DINGTALK", url: listed.url, enabled: false }))).toBe("WEBHOOK_INVALID");
    expect(await stored()).toEqual({ url: ding, name: "钉钉掩码 2", secret: "SEC-mask" });
    // A new token replaces it, and is masked in the audit too.
    const ding2 = `https://oapi.dingtalk.com/robot/send?access_token=${token}-2`;
    await saveWebhook(db, ops, { id, name: "钉钉掩码 2", kind: "DINGTALK", url: ding2, enabled: false });
    expect((await stored()).url).toBe(ding2);
    const details = (await audits()).map((a) => a.detail);
    expect(details).toHaveLength(3);
    expect(JSON.stringify(details)).not.toContain(token);

    const key = `key-${Date.now()}`;
    const wecom = await saveWebhook(db, ops, { name: "企微掩码", kind: "WECOM", url: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${key}`, enabled: false });
    expect((await listWebhooks(db, ops)).find((h) => h.id === wecom.id)?.url).toBe("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=****");
    expect(JSON.stringify(await db.auditLog.findMany({ where: { entityId: wecom.id }, select: { detail: true } }))).not.toContain(key);
  });
});
