"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { importSender } from "@/lib/ingestion/import/import-sender";
import { rebuildBaseline } from "@/lib/reconciliation/build-baseline";
import { checkPeriod, closePeriod, DayInput } from "@/lib/reconciliation/close-period";
import { DecideCandidateInput, decideCandidate } from "@/lib/reconciliation/decide-candidate";
import { ExplainInput, explainDiscrepancies } from "@/lib/reconciliation/explain-discrepancies";
import { LocateInput, locateOpenItems } from "@/lib/reconciliation/locate-open-items";
import { startStatementImport } from "@/lib/reconciliation/start-statement-import";
import { requireActorOrThrow } from "@/lib/session";

const ImportInput = z.object({ channelId: z.string().max(64).optional() });

export async function startStatementImportAction(form: FormData) {
  return runAction(async () => {
    const { channelId } = ImportInput.parse({ channelId: form.get("channelId") || undefined });
    const file = form.get("file");
    if (!(file instanceof File)) throw new AppError("STATEMENT_FILE_INVALID");
    const actor = await requireActorOrThrow();
    const out = await startStatementImport(getDb(), actor, { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()), channelId }, await importSender());
    revalidatePath("/reconciliation", "layout");
    return out;
  });
}

export async function decideCandidateAction(raw: unknown) {
  return runAction(async () => {
    const out = await decideCandidate(getDb(), await requireActorOrThrow(), DecideCandidateInput.parse(raw));
    revalidatePath("/reconciliation", "layout");
    return out;
  });
}

export async function explainDiscrepanciesAction(raw: unknown) {
  return runAction(async () => {
    const out = await explainDiscrepancies(getDb(), await requireActorOrThrow(), ExplainInput.parse(raw));
    revalidatePath("/reconciliation", "layout");
    return out;
  });
}

export async function locateDiffAction(raw: unknown) {
  return runAction(async () => locateOpenItems(getDb(), await requireActorOrThrow(), LocateInput.parse(raw)));
}

export async function rebuildBaselineAction(raw: unknown) {
  return runAction(async () => {
    const out = await rebuildBaseline(getDb(), await requireActorOrThrow(), DayInput.parse(raw).day);
    revalidatePath("/reconciliation/periods");
    return out;
  });
}

export async function checkPeriodAction(raw: unknown) {
  return runAction(async () => checkPeriod(getDb(), await requireActorOrThrow(), DayInput.parse(raw).day));
}

export async function closePeriodAction(raw: unknown) {
  return runAction(async () => {
    const out = await closePeriod(getDb(), await requireActorOrThrow(), DayInput.parse(raw));
    revalidatePath("/reconciliation", "layout");
    return out;
  });
}
