import { describe, expect, it } from "vitest";
import type { Actor } from "../../../lib/access/actor";
import { dataQuality } from "../../../lib/ingestion/console/data-quality";
import { getQuarantined, listQuarantine } from "../../../lib/ingestion/console/list-quarantine";
import { discardQuarantined, replayQuarantined } from "../../../lib/ingestion/console/replay-quarantined";
import { importReportFile } from "../../../lib/ingestion/import/import-report";
import { importRowResults, listImports } from "../../../lib/ingestion/import/list-imports";
import { startImport } from "../../../lib/ingestion/import/start-import";
import { TEMPLATE_COLUMNS } from "../../../lib/ingestion/import/template";
import { actorFor, testDb } from "../helpers";

const db = () => testDb();
const file = () => new TextEncoder().encode(`${TEMPLATE_COLUMNS.join(",")}\n`);

/**
 * Every ingestion entry point, given the id of a real quarantined item and import job so that only
 * the actor's scope can be the reason for a refusal.
 */
function entryPoints(quarantineId: string, jobId: string): Record<string, (a: Actor) => Promise<unknown>> {
  return {
    listImports: (a) => listImports(db(), a),
    importRowResults: (a) => importRowResults(db(), a, jobId, "all"),
    importReportFile: (a) => importReportFile(db(), a, jobId, "failed"),
    startImport: (a) => startImport(db(), a, { channelId: "ch_own_mall", fileName: "whole-book.csv", bytes: file() }, null),
    dataQuality: (a) => dataQuality(db(), a, { days: 7 }),
    listQuarantine: (a) => listQuarantine(db(), a, { status: "ALL", page: 1 }),
    getQuarantined: (a) => getQuarantined(db(), a, quarantineId),
    replayQuarantined: (a) => replayQuarantined(db(), a, { id: quarantineId, body: "{}" }),
    discardQuarantined: (a) => discardQuarantined(db(), a, { id: quarantineId, reason: "scope test" }),
  };
}

describe("ingestion is whole-book: a role with ingestion.manage cut to a row scope is refused", () => {
  it.each([
    ["REGION", (o: Actor): Actor => ({ ...o, rowScope: "REGION", region: "华东" })],
    ["CHANNELS", (o: Actor): Actor => ({ ...o, rowScope: "CHANNELS", channelIds: ["ch_own_mall"] })],
  ])("with a %s scope, every entry point refuses and nothing is written", async (_scope, cut) => {
    const ops = await actorFor("ops");
    const q = await db().quarantinedPayload.create({
      data: { channelId: "ch_own_mall", source: "PLATFORM_PUSH", reasonCode: "INVALID_PAYLOAD", reason: "scope test", rawBody: "{}" },
    });
    const { id: jobId } = await startImport(db(), ops, { channelId: "ch_own_mall", fileName: "whole-book-job.csv", bytes: file() }, null);
    const scoped = cut(ops);
    expect(scoped.permissions.has("ingestion.manage")).toBe(true);
    for (const [name, call] of Object.entries(entryPoints(q.id, jobId))) {
      await expect(call(scoped), name).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await db().importJob.count({ where: { fileName: "whole-book.csv" } })).toBe(0);
    expect(await db().quarantinedPayload.findUniqueOrThrow({ where: { id: q.id } })).toMatchObject({ status: "OPEN" });

    // The same role with the whole book gets through.
    expect((await listImports(db(), ops)).some((j) => j.id === jobId)).toBe(true);
    expect((await getQuarantined(db(), ops, q.id)).id).toBe(q.id);
  });
});
