import { pushOpenApi } from "@/lib/ingestion/push/openapi";

/** OpenAPI 3.1 description of the order push endpoint and the own-mall / POS order JSON. */
export function GET() {
  return Response.json(pushOpenApi());
}
