import { createServer, type Server } from "node:http";
import { formatChinaTime } from "../../time/biz-time";
import { signKuaidi100Query, type Kuaidi100QueryConfig } from "./kuaidi100";

const HOUR = 3_600_000;

export interface FakeKuaidi100Options {
  /** How long after a number is first asked about it is signed for (default 5 h: the next 6-hourly poll sees 签收). */
  deliverAfterMs?: number;
  /** Numbers the simulator has a trace for (default: all); others answer "no result yet". */
  knows?: (num: string) => boolean;
}

/**
 * A 快递100 实时查询 stand-in for the demo and the tests. A number's trace is anchored on the first time it
 * is asked about (T0): picked up 5 h and in transit 2 h before T0, out for delivery 1 h before and signed
 * for at T0 + deliverAfterMs; a query returns the events that have happened by then.
 */
export function fakeKuaidi100(cfg: Pick<Kuaidi100QueryConfig, "key" | "customer">, opts: FakeKuaidi100Options = {}) {
  const firstAsked = new Map<string, number>();
  const deliverAfter = opts.deliverAfterMs ?? 5 * HOUR;
  return (rawForm: string, now = Date.now()): { status: number; body: unknown } => {
    const form = new URLSearchParams(rawForm);
    const param = form.get("param") ?? "";
    if (form.get("customer") !== cfg.customer || form.get("sign") !== signKuaidi100Query(param, cfg.key, cfg.customer)) {
      return { status: 200, body: { result: false, returnCode: "601", message: "验证签名失败" } };
    }
    let q: { com?: unknown; num?: unknown };
    try {
      q = JSON.parse(param);
    } catch {
      q = {};
    }
    if (typeof q.com !== "string" || typeof q.num !== "string" || !q.num) return { status: 200, body: { result: false, returnCode: "400", message: "参数错误" } };
    if (opts.knows && !opts.knows(q.num)) return { status: 200, body: { result: false, returnCode: "500", message: "查询无结果，请隔段时间再查" } };
    const t0 = firstAsked.get(q.num) ?? now;
    firstAsked.set(q.num, t0);
    const signedAt = t0 + deliverAfter;
    const trace = [
      { at: t0 - 5 * HOUR, context: "【杭州市】快件已被揽收", statusCode: "1" },
      { at: t0 - 2 * HOUR, context: "快件已发往【上海转运中心】", statusCode: "0" },
      { at: signedAt - HOUR, context: "【上海市】快递员正在派件", statusCode: "5" },
      { at: signedAt, context: "【上海市】快件已签收，签收人：本人", statusCode: "3" },
    ].filter((e) => e.at <= now).reverse();
    const state = trace[0].statusCode; // the newest event decides (1 揽收, 0 在途, 5 派件, 3 签收)
    return {
      status: 200,
      body: {
        message: "ok", status: "200", state, ischeck: state === "3" ? "1" : "0", com: q.com, nu: q.num, condition: "F00",
        data: trace.map((e) => ({ time: formatChinaTime(new Date(e.at)), ftime: formatChinaTime(new Date(e.at)), context: e.context, statusCode: e.statusCode })),
      },
    };
  };
}

/** The simulator as a local HTTP server (tests); records the numbers it was asked about. */
export async function startFakeKuaidi100(cfg: Pick<Kuaidi100QueryConfig, "key" | "customer">, opts: FakeKuaidi100Options = {}) {
  const reply = fakeKuaidi100(cfg, opts);
  const asked: string[] = [];
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString("utf8")));
    req.on("end", () => {
      const out = reply(raw);
      const num = (out.body as { nu?: string }).nu;
      if (num) asked.push(num);
      res.writeHead(out.status, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(out.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/poll/query.do`,
    asked,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
