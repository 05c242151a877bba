// The worked signature examples of shared/formats, reproduced exactly.
import { describe, expect, it } from "vitest";
import { douyinEventSign, douyinParamJson, douyinSign, jdSign, pddSign, sameHex, topSign } from "@/lib/ingestion/platform-sign";

describe("Taobao/Tmall TOP signing (tmall-jd.md §1.10)", () => {
  const params = {
    method: "taobao.trade.fullinfo.get", app_key: "12345678", session: "6100e2a8f9c0demo", timestamp: "2024-06-18 10:30:00",
    format: "json", v: "2.0", sign_method: "md5", fields: "tid,status,payment,orders", tid: "2100000000000000001",
  };
  it("md5, hmac and hmac-sha256 give the worked example's signs", () => {
    expect(topSign(params, "demo-secret-123")).toBe("7DC7AB66BE65303EDCF17762AD7DFD62");
    expect(topSign({ ...params, sign_method: "hmac" }, "demo-secret-123")).toBe("63B5B416621C10932FFDF9B5F6D57C28");
    expect(topSign({ ...params, sign_method: "hmac-sha256" }, "demo-secret-123")).toBe("AC69D1A67C2B0C44F2640FF875A11007E0EF86A49C9CC4F1ABBAB69F6F28874F");
  });
  it("reproduces the official-doc vector, and ignores `sign` and empty values", () => {
    const official = {
      app_key: "12345678", fields: "num_iid,title,nick,price,num", format: "json", method: "taobao.item.seller.get", num_iid: "11223344",
      session: "test", sign_method: "md5", timestamp: "2016-01-01 12:00:00", v: "2.0",
    };
    expect(topSign(official, "helloworld")).toBe("66987CB115214E59E6EC978214934FB8");
    expect(topSign({ ...official, sign: "X", partner_id: "", simplify: null }, "helloworld")).toBe("66987CB115214E59E6EC978214934FB8");
  });
});

describe("JD JOS signing (tmall-jd.md §2.8)", () => {
  it("gives the worked example's sign", () => {
    const p = {
      method: "jingdong.pop.order.search", app_key: "DEMOAPPKEY0001", access_token: "demo-access-token", timestamp: "2024-06-18 10:30:00", v: "2.0",
      "360buy_param_json": '{"end_date":"2024-06-18 10:00:00","optional_fields":"orderId,orderState,modified","order_state":"WAIT_SELLER_STOCK_OUT","page":"1","page_size":"50","start_date":"2024-06-18 09:00:00"}',
    };
    expect(jdSign(p, "demo-jd-secret")).toBe("D24F7213C90469FFD7D789DFF608DC3A");
  });
  it("reproduces the official-doc vector (millisecond timestamp, nulls inside the JSON)", () => {
    const p = {
      "360buy_param_json": '{"end_date":null,"optional_fields":null,"order_state":"WAIT_SELLER_STOCK_OUT","page":"1","page_size":"200","start_date":null}',
      access_token: "yourtoken", app_key: "yourappkey", method: "jingdong.pop.order.search", timestamp: "2021-05-07 09:20:39.683+0800", v: "2.0",
    };
    expect(jdSign(p, "yourappSecret")).toBe("D70825340F4084360B9362B60DFD7930");
  });
});

describe("Pinduoduo signing (pdd-douyin.md §1.6)", () => {
  it("gives the test vector's sign", () => {
    const p = {
      type: "pdd.order.information.get", client_id: "pdd_demo_client_id", access_token: "pdd_demo_access_token", timestamp: 1718000000,
      data_type: "JSON", order_sn: "240610-512345678901234",
    };
    expect(pddSign(p, "pdd_demo_client_secret")).toBe("C957F7D2028062640E31C6CC179E36A2");
  });
});

describe("Douyin signing (pdd-douyin.md §2.6–2.7)", () => {
  const input = { appKey: "7012345678901234567", method: "order.orderDetail", paramJson: '{"shop_order_id":"6930000000000000001"}', timestamp: 1718000000 };
  it("API sign: md5 and hmac-sha256, lowercase hex", () => {
    expect(douyinSign(input, "dd_demo_app_secret")).toBe("fef4c4d1cd1c237870b33a761253d4f7");
    expect(douyinSign({ ...input, signMethod: "hmac-sha256" }, "dd_demo_app_secret")).toBe("4c25d1b8dc85f6e184aed126f794e220ca38576298d37433e94072adc8105778");
  });
  it("param_json sorts keys recursively, compactly, without escaping Chinese", () => {
    expect(douyinParamJson({ size: 50, page: 0, combine_status: [{ order_status: "2", main_status: "x" }], note: "发票" })).toBe(
      '{"combine_status":[{"main_status":"x","order_status":"2"}],"note":"发票","page":0,"size":50}',
    );
  });
  it("push event-sign over the raw body", () => {
    const body = '[{"tag":"101","msg_id":"7380000000000000001","data":"{\\"biz\\":2,\\"order_status\\":2,\\"order_type\\":0,\\"p_id\\":6930000000000000001,\\"pay_amount\\":8980,\\"pay_time\\":1718000100,\\"pay_type\\":1,\\"s_ids\\":[6930000000000000001],\\"shop_id\\":77977}"}]';
    const sign = douyinEventSign("7012345678901234567", new TextEncoder().encode(body), "dd_demo_app_secret");
    expect(sign).toBe("a5e36a9541f5cb3de6635f48870b87ab");
    expect(sameHex(sign, sign.toUpperCase())).toBe(true);
    expect(sameHex(sign, `${sign.slice(0, -1)}0`)).toBe(false);
    expect(sameHex(sign, null)).toBe(false);
  });
});
