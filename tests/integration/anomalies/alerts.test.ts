import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { anomalyJobs } from "../../../lib/anomalies/anomaly-jobs";
import { lifecycleJobs } from "../../../lib/integrations/lifecycle-jobs";
import { startWorker } from "../../../lib/jobs/start-worker";
import { testDb, until } from "../helpers";
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
    expect(q.get("sign")).toBeTruthy();
    const wecom = robot.got.find((g) => g.url.startsWith("/cgi-bin") && JSON.stringify(g.body).includes(severe.orderNo))!;
    expect(wecom.body).toMatchObject({ msgtype: "markdown", markdown: { content: expect.stringContaining(severe.orderNo) } });

    const lightEx = await db.orderException.findFirstOrThrow({ where: { orderId: light.id } });
    expect(lightEx.severity).toBe("LIGHT");
    expect(await db.alertDelivery.count({ where: { exceptionId: lightEx.id } })).toBe(0);
    expect(robot.got.some((g) => JSON.stringify(g.body).includes(light.orderNo))).toBe(false);
  });
});
