import { createDb } from "../db/client";
import { evaluateRules } from "./evaluate-rules";

/**
 * Demo data: the rules run once over the seeded orders, so the workbench shows what they find on
 * first start. Approvals are recorded as pending without holding orders (the seed's statuses stay as generated).
 */
export async function seedDemoExceptions(url: string) {
  const db = createDb(url, 2);
  try {
    return await evaluateRules(db, { holdForApproval: false });
  } finally {
    await db.$disconnect();
  }
}
