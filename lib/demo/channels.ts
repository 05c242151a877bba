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
  /** The platform app key that signs API calls and Douyin pushes (none for the hub's own channels). */
  appKey: string | null;
  pullIntervalMinutes: number;
}

export const DEMO_CHANNELS: readonly DemoChannel[] = [
  { id: "ch_tmall", platform: "TMALL", name: "天猫旗舰店", shopCode: "orderhub旗舰店", secret: "demo-secret-tmall", appKey: "21000001", pullIntervalMinutes: 15 },
  { id: "ch_jd", platform: "JD", name: "京东自营店", shopCode: "10086001", secret: "demo-secret-jd-pop", appKey: "DEMOJDAPPKEY0001", pullIntervalMinutes: 15 },
  { id: "ch_pdd", platform: "PDD", name: "拼多多店", shopCode: "528860017", secret: "demo-secret-pinduoduo", appKey: "pdd_demo_client_id", pullIntervalMinutes: 15 },
  { id: "ch_douyin", platform: "DOUYIN", name: "抖音小店", shopCode: "77977", secret: "demo-secret-douyin", appKey: "7012345678901234567", pullIntervalMinutes: 15 },
  { id: "ch_own_mall", platform: "OWN_MALL", name: "官方商城", shopCode: "mall-001", secret: "demo-secret-own-mall", appKey: null, pullIntervalMinutes: 15 },
  { id: "ch_pos", platform: "POS", name: "线下门店", shopCode: "pos-001", secret: "demo-secret-pos-store", appKey: null, pullIntervalMinutes: 15 },
];

export function demoChannelFor(platform: DemoPlatform): DemoChannel {
  const ch = DEMO_CHANNELS.find((c) => c.platform === platform);
  if (!ch) throw new Error(`no demo channel for ${platform}`);
  return ch;
}
