import { fakeKuaidi100 } from "@/lib/integrations/logistics/fake-kuaidi100";
import { kuaidi100QueryConfig } from "@/lib/integrations/logistics/kuaidi100";

/**
 * The demo's 快递100 实时查询 simulator (the default KUAIDI100_QUERY_URL), so the 6-hourly polling
 * fallback has a peer to ask. Disabled when a real KUAIDI100_QUERY_URL is configured or FAKE_KUAIDI100=off.
 */
const enabled = () => process.env.FAKE_KUAIDI100 !== "off" && !process.env.KUAIDI100_QUERY_URL;
const reply = fakeKuaidi100(kuaidi100QueryConfig(), {
  deliverAfterMs: process.env.FAKE_KUAIDI100_DELIVER_AFTER_MS ? Number(process.env.FAKE_KUAIDI100_DELIVER_AFTER_MS) : undefined,
});

export async function GET() {
  return enabled() ? Response.json({ ok: true }) : new Response(null, { status: 404 });
}

export async function POST(req: Request) {
  if (!enabled()) return new Response(null, { status: 404 });
  const out = reply(await req.text());
  return Response.json(out.body, { status: out.status });
}
