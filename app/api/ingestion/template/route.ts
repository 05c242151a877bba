import { templateCsv } from "@/lib/ingestion/import/template";

/** The import template (column headers and one example order); nothing secret in it. */
export function GET() {
  return new Response(templateCsv(), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent("订单导入模板.csv")}` },
  });
}
