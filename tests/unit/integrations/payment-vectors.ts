/** Test vectors of shared/formats/payments.md §2.6 and §3.4 (TEST-ONLY keys). */
export const WECHAT_VECTOR = {
  timestamp: "1718673126",
  nonce: "5f1e2d3c4b5a69788796a5b4c3d2e1f0",
  serial: "TEST-ONLY-SERIAL",
  signature: "zYmYtAAFexXFPU9i33Hy/Gh6KUL3Cg67QNtMnu1Qs1lRSECZ22SJmctw0ze9mT4AuLP9CPTRzfRZQ5DzmyR40Q7iegVvGcwlWDC6IfKt8DRDbMUzJJtLqukCrb1pY6vpj3dzm/c/E5FI68KqR2yLQ/pB7YlKnxEOMzgzxKAv6LSRgbE9J/ke6TGPc+IG+EPaPBoHh8P9yrUlJDzU8eeBb8cxpWkBPhGC9dPuagjRwbJnkM0IO+eeaBXDPfUStYoG1Tx1Uca7dtNKGOdwEQJykae+oMGkVGsijRRzknwnkofrWxT7rEknXfKD/4bJUEaqQRkItF7uXfuCAiSLEL6ulw==",
  body: "{\"id\":\"7d3c1f8e-5a2b-5c41-9e0d-3f6a2b1c4d5e\",\"create_time\":\"2024-06-18T09:12:06+08:00\",\"resource_type\":\"encrypt-resource\",\"event_type\":\"TRANSACTION.SUCCESS\",\"summary\":\"支付成功\",\"resource\":{\"original_type\":\"transaction\",\"algorithm\":\"AEAD_AES_256_GCM\",\"ciphertext\":\"KUTDKltyCfCPrEGMzkFdEPDqmUUSKRbRI3KyAb01m+hP4FFbbYbyH3hQZlliGJ78CljqwBOndQC6zEBHyGzp7uE5tsx2i6v4NXk64NEV9MAeupqq0xvWHvxMvOOo1q4+5tr2ot1/YEB1KyA8bVrhS727AeikHKo6kJl0UNLYyuPI2ul9GLRc+uCYoGrZd3xU/f3oY+oIznetpF4tRc34EyUnyya3qi6ohopLZa/I3i+DyQZ9vCVT/o90CwAOwWIw/7Yk4YQCu+G9QNr9wHv6uMmQZr0+Fn37BvTB9PhAiSlNc9f8Wy/Z9dK+8xBEIMGtN4zgTepCXYgiUZzrA9ZUucZVMyYdJdPgot9Xt+jj/PIamLjEyNbtmfzdQf6L4eAw7VS+2L9iKiKyTnzWBJRCECCqEGaMTcswF9M01z1KmeuVUW9Oo2jZiOY2iEhwzGdDAQwAkTmpcIw0hP5xrHBl9VkUgoufzw+XlaXBAs+2nfsIKqfMKlJA5I8z8XsZzNrwCMPLyUTQ1AcoPe+8+kX0lgPIDVfbh7TJWnUGcW9KHVUWTHsoEFCKTuomkNhij6SoHbBtMHEMtB7Fng==\",\"associated_data\":\"transaction\",\"nonce\":\"fVdbTpQxJ3kL\"}}",
  plaintext: "{\"mchid\":\"1900000109\",\"appid\":\"wx1234567890abcdef\",\"out_trade_no\":\"OH20240618000101\",\"transaction_id\":\"4200002215202406189876543210\",\"trade_type\":\"JSAPI\",\"trade_state\":\"SUCCESS\",\"trade_state_desc\":\"支付成功\",\"bank_type\":\"CMB_DEBIT\",\"attach\":\"\",\"success_time\":\"2024-06-18T09:12:05+08:00\",\"payer\":{\"openid\":\"oTestOpenId_0000000000000001\"},\"amount\":{\"total\":12800,\"payer_total\":12800,\"currency\":\"CNY\",\"payer_currency\":\"CNY\"}}",
  apiV3Key: "TestOnlyApiV3Key0123456789abcdef",
};

export const ALIPAY_VECTOR = {
  signedString: "app_id=2021000000000001&auth_app_id=2021000000000001&buyer_id=2088102000000001&buyer_logon_id=138****0000&buyer_pay_amount=128.00&charset=utf-8&fund_bill_list=[{\"amount\":\"128.00\",\"fundChannel\":\"ALIPAYACCOUNT\"}]&gmt_create=2024-06-18 09:11:58&gmt_payment=2024-06-18 09:12:05&invoice_amount=128.00&notify_id=2024061800222091206012340000000001&notify_time=2024-06-18 09:12:06&notify_type=trade_status_sync&out_trade_no=OH20240618000201&point_amount=0.00&receipt_amount=128.00&seller_email=shop***@example.com&seller_id=2088101000000001&subject=测试订单&total_amount=128.00&trade_no=2024061822001400000000000001&trade_status=TRADE_SUCCESS&version=1.0",
  sign: "iAzQAtoeU1fdkI3yB58F0QKIMPsGZ6GMt7S60KiSA0xgRZ4zF3xUWhhfZLOLNvrSPu9jApdCumEKm059oSEFy9W0a3h+1Ri19zj5A/MTVLDSebAQaMuLH7yCaC6WRzble9xlKspQfoqTnREOvwDj2Xvz0jA3KUaw1SvLVa/bhRZ0cAcGRWu8I2zZ7dO6lMhA/6B9HcVD8Ylb/dNu5IF9Oj/CUFqOcm1ztkMvXtDFq+dktRXtfR6jH0PhL26STRTNKtPBZq3BrapWLacyAlqu3wqeU1rZMIXeX3omyLq3XciaXWVeF0HpOkK08Zg27/4P9l/2MIqwWqBqHD9AAqhJJQ==",
};

/** The form body as Alipay posts it: URL-encoded pairs plus sign_type and sign, in any order. */
export function alipayVectorBody(): string {
  const p = new URLSearchParams();
  p.set("sign", ALIPAY_VECTOR.sign);
  for (const pair of ALIPAY_VECTOR.signedString.split("&")) {
    const i = pair.indexOf("=");
    p.append(pair.slice(0, i), pair.slice(i + 1));
  }
  p.set("sign_type", "RSA2");
  return p.toString();
}
