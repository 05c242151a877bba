/**
 * The six demo shops. Ids and secrets are fixed and published in the README so anyone can sign
 * and post a payload to a demo channel; never reuse these secrets outside the demo.
 */

export type DemoPlatform = "TMALL" | "JD" | "PDD" | "DOUYIN" | "OWN_MALL" | "POS";

export interface DemoChannel {
  id: string;
  platform: DemoPlatform;
  name: string;
  /** The shop's id on its platform (seller nick, venderId, mall id, shop_id, …). */
  shopCode: string;
  secret: string;
  pullIntervalMinutes: number;
}

export const DEMO_CHANNELS: readonly DemoChannel[] = [
  { id: "ch_tmall", platform: "TMALL", name: "天猫旗舰店", shopCode: "orderhub旗舰店", secret: "demo-secret-tmall", pullIntervalMinutes: 15 },
  { id: "ch_jd", platform: "JD", name: "京东自营店", shopCode: "10086001", secret: "demo-secret-jd-pop", pullIntervalMinutes: 15 },
  { id: "ch_pdd", platform: "PDD", name: "拼多多店", shopCode: "528860017", secret: "demo-secret-pinduoduo", pullIntervalMinutes: 15 },
  { id: "ch_douyin", platform: "DOUYIN", name: "抖音小店", shopCode: "77977", secret: "demo-secret-douyin", pullIntervalMinutes: 15 },
  { id: "ch_own_mall", platform: "OWN_MALL", name: "官方商城", shopCode: "mall-001", secret: "demo-secret-own-mall", pullIntervalMinutes: 15 },
  { id: "ch_pos", platform: "POS", name: "线下门店", shopCode: "pos-001", secret: "demo-secret-pos-store", pullIntervalMinutes: 15 },
];

export function demoChannelFor(platform: DemoPlatform): DemoChannel {
  const ch = DEMO_CHANNELS.find((c) => c.platform === platform);
  if (!ch) throw new Error(`no demo channel for ${platform}`);
  return ch;
}
