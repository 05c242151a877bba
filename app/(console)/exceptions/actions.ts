"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/run-action";
import { decideApproval, DecideApprovalInput } from "@/lib/anomalies/approvals";
import { addExceptionNote, assignExceptions, AssignInput, claimExceptions, ClaimInput, fixException, FixInput, NoteInput, resolveExceptions, ResolveInput } from "@/lib/anomalies/handle-exception";
import { markNotificationsRead } from "@/lib/anomalies/notifications";
import { getDb } from "@/lib/db/client";
import { requireActorOrThrow } from "@/lib/session";

const done = <T,>(out: T) => {
  revalidatePath("/exceptions");
  return out;
};

export async function claimExceptionsAction(raw: unknown) {
  return runAction(async () => done(await claimExceptions(getDb(), await requireActorOrThrow(), ClaimInput.parse(raw))));
}

export async function assignExceptionsAction(raw: unknown) {
  return runAction(async () => done(await assignExceptions(getDb(), await requireActorOrThrow(), AssignInput.parse(raw))));
}

export async function addExceptionNoteAction(raw: unknown) {
  return runAction(async () => done(await addExceptionNote(getDb(), await requireActorOrThrow(), NoteInput.parse(raw))));
}

export async function resolveExceptionsAction(raw: unknown) {
  return runAction(async () => done(await resolveExceptions(getDb(), await requireActorOrThrow(), ResolveInput.parse(raw))));
}

export async function fixExceptionAction(raw: unknown) {
  return runAction(async () => done(await fixException(getDb(), await requireActorOrThrow(), FixInput.parse(raw))));
}

export async function decideApprovalAction(raw: unknown) {
  return runAction(async () => done(await decideApproval(getDb(), await requireActorOrThrow(), DecideApprovalInput.parse(raw))));
}

export async function markNotificationsReadAction() {
  return runAction(async () => done(await markNotificationsRead(getDb(), await requireActorOrThrow())));
}
