import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access/actor";
import type { Permission, SensitiveField } from "@/lib/access/roles";
import { maskRawPayload, maskRawText, restoreCorrection } from "@/lib/ingestion/console/mask-raw";
import { parseJsonLossless } from "@/lib/ingestion/mappers";

const actor = (permissions: Permission[], unmasked: SensitiveField[] = []): Actor => ({
  id: "u", username: "u", displayName: "u", roleKey: "OPS_MANAGER", roleName: { zh: "运营", en: "Ops" },
  permissions: new Set(permissions), rowScope: "ALL", unmaskedFields: new Set(unmasked), exportRowCap: 0, region: null, channelIds: [], locale: "zh-CN",
});
const ops = actor(["ingestion.manage", "order.viewAddress"] as Permission[]);
const warehouse = actor(["ingestion.manage", "order.viewAddress"] as Permission[], ["addressDetail"]);
const noReceiver = actor(["ingestion.manage"] as Permission[]);

const taobao = JSON.stringify({
  tid: "TID", receiver_name: "张三", receiver_mobile: "13812345678", receiver_address: "文三路 100 号 3 幢",
  receiver_phone_mask: "138****5678", buyer_nick: "tb_小张", buyer_message: "到了打 13999998888", id_card: "110101199003071234",
}).replace('"TID"', "2100000000000000001"); // a JSON number past 2^53, as TOP sends it
const own = JSON.stringify({ orderNo: "M1", receiver: { name: "李雷", phone: "13711112222", detail: "中山路 1 号" }, buyer: { nick: "小李" }, amounts: { paid: "abc" } });

describe("quarantine masking (per role, like the order pages)", () => {
  it("masks phones, street, nick and ID numbers by key and by pattern; names stay for roles that see receivers", () => {
    const shown = maskRawPayload(ops, taobao);
    for (const plain of ["13812345678", "文三路 100 号 3 幢", "tb_小张", "13999998888", "110101199003071234"]) expect(shown).not.toContain(plain);
    expect(shown).toContain('"receiver_name": "张三"');
    expect(shown).toMatch(/"receiver_mobile": "138\*\*\*\*5678⟦\d+⟧"/);
    expect(shown).toContain('"receiver_phone_mask": "138****5678"'); // the platform's own mask, left as it came
    expect(shown).toContain('"tid": "2100000000000000001"'); // 19-digit id exact
    expect(maskRawPayload(ops, own)).toMatch(/"name": "李雷"[\s\S]*"phone": "137\*\*\*\*2222⟦\d+⟧"[\s\S]*"detail": "中山路 \*\*\*\*⟦\d+⟧"/);
  });

  it("follows the role: the warehouse sees the street in full; a role without receiver access sees none of it", () => {
    expect(maskRawPayload(warehouse, taobao)).toContain("文三路 100 号 3 幢");
    const hidden = maskRawPayload(noReceiver, own);
    for (const plain of ["李雷", "13711112222", "中山路"]) expect(hidden).not.toContain(plain);
    expect(hidden).toMatch(/"name": "已隐藏⟦\d+⟧"/);
    expect(maskRawText(ops, "手机号 13812345678 格式不对")).toBe("手机号 138****5678 格式不对");
  });

  it("puts originals back where markers were left, keeps new values, and refuses edited or moved markers", () => {
    const shown = parseJsonLossless(maskRawPayload(ops, own)) as { receiver: { phone: string; detail: string }; amounts: { paid: string }; buyer: { nick: string } };
    const fixed = restoreCorrection(ops, own, { ...shown, amounts: { paid: "12.00" } }) as typeof shown;
    expect(fixed.receiver).toEqual({ name: "李雷", phone: "13711112222", detail: "中山路 1 号" });
    expect(fixed.buyer.nick).toBe("小李");

    const newPhone = restoreCorrection(ops, own, { ...shown, receiver: { ...shown.receiver, phone: "13900001111" } }) as typeof shown;
    expect(newPhone.receiver.phone).toBe("13900001111");

    const edited = { ...shown, receiver: { ...shown.receiver, phone: shown.receiver.phone.replace("137", "139") } };
    expect(() => restoreCorrection(ops, own, edited)).toThrow(expect.objectContaining({ code: "REPLAY_FAILED" }));
    const moved = { ...shown, buyerNote: shown.receiver.phone };
    expect(() => restoreCorrection(ops, own, moved)).toThrow(expect.objectContaining({ code: "REPLAY_FAILED" }));
  });

  it("restores pattern-masked phones inside free text in place, and in a body that was not JSON only under a phone key", () => {
    const shown = parseJsonLossless(maskRawPayload(ops, taobao)) as Record<string, string>;
    expect(shown.buyer_message).toMatch(/^到了打 139\*\*\*\*8888⟦\d+⟧$/);
    expect((restoreCorrection(ops, taobao, shown) as Record<string, string>).buyer_message).toBe("到了打 13999998888");

    const broken = '{"orderNo":"M2","receiver":{"phone":"13711112222",}';
    const token = maskRawPayload(ops, broken).match(/137\*\*\*\*2222⟦\d+⟧/)![0];
    expect(restoreCorrection(ops, broken, { orderNo: "M2", receiver: { phone: token } })).toEqual({ orderNo: "M2", receiver: { phone: "13711112222" } });
    expect(() => restoreCorrection(ops, broken, { orderNo: "M2", buyerNote: token })).toThrow(expect.objectContaining({ code: "REPLAY_FAILED" }));
  });
});
