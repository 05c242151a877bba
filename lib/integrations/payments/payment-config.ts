/**
 * Keys for verifying payment notifications. The defaults are the TEST-ONLY keys of
 * shared/formats/payments.md (so the demo and the worked examples verify); production sets the env vars.
 */
export interface PaymentConfig {
  wechat: {
    /** Wechatpay-Serial → PEM public key (platform certificate key or WeChat Pay public key; keep both during a migration). */
    publicKeys: Record<string, string>;
    apiV3Key: string;
    mchid?: string;
    appid?: string;
    /** Notifications older or newer than this are refused (the official SDKs use 5 minutes). */
    maxSkewSeconds: number;
  };
  alipay: { publicKey: string; appId?: string };
}

const TEST_WECHAT_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA6HPRcG9bR68vZgSFJ/Xf
ZIt4TgIfGSmsjmSZp8Zk0s+RkcqOJtTl0mJGP/8RTwhQ3b5F/nmsfAGb/cZG+MAN
ril4FD5XFZxsy63Ocz91KpyMuni2TDil74qsEbHJSs7EzgqmYAOaNzYOUoIhryot
hFa6tter0YNnoGVjNh/6WbFoVS6Umhnfnz5gEe8FCb3EU12hG8xouhT1Jk2NitnW
WoNGtRBHOUVqPXOyDoa32zBJo/mZt2m8BVWdwKw5bnkK++Sfl9GYAzYo61j3bOiB
iAILEBYNMKIuXaab4B0H5XNPM/js1YZ3u5pp/CjdCdL4aQHLRzG39/Km3IW26xJW
NQIDAQAB
-----END PUBLIC KEY-----`;

const TEST_ALIPAY_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAyCo89cXGMgGi2FRkAkSb
FRT7Ma4Mxb2OAyypPxzAgnUaC2AJ3B7cRrHojBcwXeKf2RQ57PGkeuEUWt7mDEOj
1KnkyDIn0LP+0rsgnBR2zxvffjW2WQB6Yfy5JvlblH8tuIC6gT0AipmIMSrVXL5M
9jpeN2yYfyQKuyyXhbAqEFN8rZm6Tzpbkic8N1Q35PeyHWd6wwXv/fP4HpP0uSia
LdFrY9LEHQ0Ul0C0fC70Tp8uGAl/AdHBNjg9XDG+SGVawzAVdIxe1vorU/HOGhPV
D5Fc1Ca7SyvHBc1qYIQTID9Fk/nOvQIjhQuqQv734FNmWtM7NKch/A2ZH2Akhpr8
YQIDAQAB
-----END PUBLIC KEY-----`;

export function paymentConfig(): PaymentConfig {
  const serial = process.env.WECHATPAY_SERIAL ?? "TEST-ONLY-SERIAL";
  return {
    wechat: {
      publicKeys: { [serial]: process.env.WECHATPAY_PUBLIC_KEY ?? TEST_WECHAT_PUBLIC_KEY },
      apiV3Key: process.env.WECHATPAY_API_V3_KEY ?? "TestOnlyApiV3Key0123456789abcdef",
      mchid: process.env.WECHATPAY_MCHID,
      appid: process.env.WECHATPAY_APPID,
      maxSkewSeconds: Number(process.env.WECHATPAY_MAX_SKEW_SECONDS ?? 300),
    },
    alipay: { publicKey: process.env.ALIPAY_PUBLIC_KEY ?? TEST_ALIPAY_PUBLIC_KEY, appId: process.env.ALIPAY_APP_ID },
  };
}
