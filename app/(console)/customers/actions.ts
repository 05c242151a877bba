"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/run-action";
import { AddNoteInput, addCustomerNote } from "@/lib/customers/add-customer-note";
import { runFullMatchingFor } from "@/lib/customers/customer-jobs";
import { MergeInput, mergeCustomers, rejectProposal, UnmergeInput, unmergeCustomers } from "@/lib/customers/merge-customers";
import { getDb } from "@/lib/db/client";
import { requireActorOrThrow } from "@/lib/session";

export async function mergeCustomersAction(raw: unknown) {
  return runAction(async () => {
    const out = await mergeCustomers(getDb(), await requireActorOrThrow(), MergeInput.parse(raw));
    revalidatePath("/customers", "layout");
    return out;
  });
}

export async function rejectProposalAction(raw: unknown) {
  return runAction(async () => {
    const out = await rejectProposal(getDb(), await requireActorOrThrow(), MergeInput.parse(raw));
    revalidatePath("/customers", "layout");
    return out;
  });
}

export async function unmergeCustomersAction(raw: unknown) {
  return runAction(async () => {
    const out = await unmergeCustomers(getDb(), await requireActorOrThrow(), UnmergeInput.parse(raw));
    revalidatePath("/customers", "layout");
    return out;
  });
}

export async function addCustomerNoteAction(raw: unknown) {
  return runAction(async () => {
    const input = AddNoteInput.parse(raw);
    const out = await addCustomerNote(getDb(), await requireActorOrThrow(), input);
    revalidatePath(`/customers/${input.customerId}`);
    return out;
  });
}

/** The full pass on demand: evidence for every order without it, then every pair re-scored. */
export async function runMatchingAction() {
  return runAction(async () => {
    const out = await runFullMatchingFor(getDb(), await requireActorOrThrow());
    revalidatePath("/customers");
    return { orders: out.orders, proposed: out.proposed };
  });
}
