"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { importSender } from "@/lib/ingestion/import/import-sender";
import { startImport } from "@/lib/ingestion/import/start-import";
import { requireActorOrThrow } from "@/lib/session";

const Input = z.object({ channelId: z.string().min(1).max(64) });

export async function startImportAction(form: FormData) {
  return runAction(async () => {
    const { channelId } = Input.parse({ channelId: form.get("channelId") });
    const file = form.get("file");
    if (!(file instanceof File)) throw new AppError("IMPORT_FILE_INVALID");
    const actor = await requireActorOrThrow();
    const out = await startImport(getDb(), actor, { channelId, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, await importSender());
    revalidatePath("/ingestion/imports");
    return out;
  });
}
