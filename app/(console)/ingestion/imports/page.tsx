import { ImportPanel } from "@/components/ingestion/import-panel";
import { getDb } from "@/lib/db/client";
import { listImports } from "@/lib/ingestion/import/list-imports";
import { canWholeBook } from "@/lib/access/whole-book";
import { requireActor } from "@/lib/session";

export default async function ImportsPage() {
  const actor = await requireActor();
  if (!canWholeBook(actor, "ingestion.manage")) return null; // the layout shows the refusal
  const db = getDb();
  const [jobs, channels] = await Promise.all([
    listImports(db, actor),
    db.channel.findMany({ where: { active: true }, select: { id: true, name: true }, orderBy: { id: "asc" }, take: 200 }),
  ]);
  return <ImportPanel initialJobs={jobs} channels={channels} />;
}
