/**
 * OpenAPI description of the push endpoint and of the hub's own order JSON (own mall, POS), built
 * from the same zod schemas the mappers validate with, so the document cannot drift from the code.
 */
import { z } from "zod";
import { INTAKE_ERROR_CODES } from "../quarantine";
import { MAP_ERROR_CODES, ownMallOrderSchema, posOrderSchema } from "../mappers";
import { MAX_BATCH } from "./receive-push";

const resultSchema = {
  type: "object",
  properties: {
    index: { type: "integer" },
    ok: { type: "boolean" },
    platformOrderId: { type: ["string", "null"] },
    orderNo: { type: "string", description: "Hub order number (OrderNo), e.g. OH26112045871203" },
    outcome: { enum: ["CREATED", "UPDATED", "UNCHANGED", "STALE"], description: "UNCHANGED: duplicate; STALE: older than what is stored (ignored)" },
    code: { enum: [...MAP_ERROR_CODES], description: "Machine-readable reason when ok is false" },
    message: { type: "string", description: "Reason in Chinese" },
    field: { type: "string" },
  },
  required: ["index", "ok"],
};

export function pushOpenApi() {
  const own = z.toJSONSchema(ownMallOrderSchema, { io: "input", unrepresentable: "any" });
  const pos = z.toJSONSchema(posOrderSchema, { io: "input", unrepresentable: "any" });
  return {
    openapi: "3.1.0",
    info: {
      title: "订单中枢 Order Hub — order push",
      version: "1",
      description:
        "Channels push orders in their native JSON (Tmall/Taobao TOP trade, JD POP orderInfo, PDD order, Douyin shop order) or, for the own mall and POS, in the hub's own JSON below. " +
        "Sign the raw request body: X-Signature = lowercase hex HMAC-SHA256(channel secret, body); a Douyin channel also accepts Douyin's own event-sign = md5_hex(app_key + body + app_secret). Send one order, a JSON array, or {\"orders\": [...]} " +
        `(at most ${MAX_BATCH}). 2xx comes only after every order is stored; duplicates and older snapshots answer 200 and change nothing. Anything refused is kept in the hub's quarantine.`,
    },
    paths: {
      "/api/channels/{channelId}/orders": {
        post: {
          summary: "Push one order or a batch",
          parameters: [
            { name: "channelId", in: "path", required: true, schema: { type: "string" }, example: "ch_own_mall" },
            { name: "X-Signature", in: "header", required: false, description: "Required unless a Douyin channel sends event-sign", schema: { type: "string", pattern: "^[0-9a-f]{64}$" } },
            { name: "event-sign", in: "header", required: false, description: "Douyin channels: md5_hex(app_key + raw body + app_secret)", schema: { type: "string", pattern: "^[0-9a-f]{32}$" } },
          ],
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: {
                  oneOf: [
                    { $ref: "#/components/schemas/OwnMallOrder" },
                    { $ref: "#/components/schemas/PosOrder" },
                    { type: "array", items: { type: "object" }, maxItems: MAX_BATCH },
                    { type: "object", properties: { orders: { type: "array", items: { type: "object" }, maxItems: MAX_BATCH } }, required: ["orders"] },
                    { type: "object", description: "A platform's native order (see shared/FORMATS.md)" },
                  ],
                },
              },
            },
          },
          responses: {
            "200": { description: "Every order stored (or already stored)", content: { "application/json": { schema: { type: "object", properties: { ok: { const: true }, results: { type: "array", items: resultSchema } } } } } },
            "401": { description: "Bad or missing signature (code BAD_SIGNATURE)" },
            "404": { description: "Unknown or inactive channel (code UNKNOWN_CHANNEL)" },
            "413": { description: "Body over 10 MB or batch too large" },
            "422": { description: "Invalid JSON, or some orders invalid: per-order code and message; the valid ones are stored", content: { "application/json": { schema: { type: "object", properties: { ok: { const: false }, code: { enum: [...INTAKE_ERROR_CODES] }, message: { type: "string" }, results: { type: "array", items: resultSchema } } } } } },
            "500": { description: "Nothing acknowledged; retry (the endpoint is idempotent)" },
          },
        },
      },
    },
    components: { schemas: { OwnMallOrder: own, PosOrder: pos } },
  };
}
