import { z } from "zod";
import { OrderStatus, Platform } from "../db/generated/prisma/enums";
import { DrillQuery } from "../dashboards/drill-filter";

export const ORDER_SORTS = ["placedAt", "paidFen", "orderNo"] as const;
export const PAGE_SIZES = [20, 50, 100, 200] as const;
/** Counting stops here: "10,000+" is as useful to a person as an exact figure and far cheaper. */
export const ORDER_COUNT_CAP = 10_000;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** What the orders page asks for; every field comes from the URL, so it is validated here. */
export const OrderListQuery = z
  .object({
    page: z.number().int().min(1).max(100_000).default(1),
    size: z.number().int().refine((n) => (PAGE_SIZES as readonly number[]).includes(n)).default(50),
    sort: z.enum(ORDER_SORTS).default("placedAt"),
    dir: z.enum(["asc", "desc"]).default("desc"),
    q: z.string().trim().max(64).optional(),
    channel: z.array(z.string().max(64)).max(20).optional(),
    status: z.array(z.enum(OrderStatus)).max(20).optional(),
    platform: z.array(z.enum(Platform)).max(10).optional(),
    from: day.optional(),
    to: day.optional(),
    minFen: z.number().int().min(0).optional(),
    maxFen: z.number().int().min(0).optional(),
    includeTest: z.boolean().default(true),
  })
  .extend(DrillQuery.shape) // dashboard drill-downs (issue 7)
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ["to"], message: "from must not be after to" })
  .refine((v) => v.minFen == null || v.maxFen == null || v.minFen <= v.maxFen, { path: ["maxFen"], message: "min must not exceed max" });
export type OrderListQuery = z.infer<typeof OrderListQuery>;
export type OrderListInput = z.input<typeof OrderListQuery>;
