import { z } from "@medusajs/framework/zod"
import { APPROVAL_STATUSES } from "../../lib/spending-rules"
import { COMPARISON_STATUSES } from "../../lib/comparison-rules"
import { SUPERVISED_ORDER_STATUSES } from "../../lib/supervision-orders"

const id = (name: string) => z.string({ error: `${name} 只能有一个，且应为文本 / give one ${name}, as text` }).trim().min(1, `${name} 不能为空 / ${name} is empty`).max(100, `${name} 过长 / ${name} is too long`)
const date = (name: string) => z.coerce.date({ error: `${name} 应为日期（如 2026-11-01）/ ${name} is a date (e.g. 2026-11-01)` })
const limit = (max: number, fallback: number) =>
  z.coerce.number({ error: "limit 应为数字 / limit is a number" }).int("limit 应为整数 / limit is a whole number").min(1, "limit 至少为 1 / limit is at least 1").max(max, `limit 不超过 ${max} / limit is at most ${max}`).default(fallback)
const offset = z.coerce.number({ error: "offset 应为数字 / offset is a number" }).int("offset 应为整数 / offset is a whole number").min(0, "offset 不能为负 / offset is not negative").default(0)
const beforeTo = (query: { from?: Date; to?: Date }) => !query.from || !query.to || query.from < query.to

/**
 * The dashboard's filters with the list's own `status` values: organisation, supplier, category,
 * status, `from` (inclusive) and `to` (exclusive); limit/offset page the JSON list (the CSV holds
 * every match).
 */
function dashboardQuery<S extends readonly [string, ...string[]]>(statuses: S) {
  return z
    .object({
      organization_id: id("organization_id").optional(),
      supplier_id: id("supplier_id").optional(),
      category_id: id("category_id").optional(),
      status: z.enum(statuses, { error: `status 须为 ${statuses.join("、")} 之一 / status must be one of ${statuses.join(", ")}` }).optional(),
      from: date("from").optional(),
      to: date("to").optional(),
      limit: limit(200, 50),
      offset,
    })
    .strict()
    .refine(beforeTo, { message: "from 须早于 to / from must be before to", path: ["to"] })
}

/** GET /supervisor/orders (and .csv); `status` is the order's. */
export const SupervisorOrdersQuery = dashboardQuery(SUPERVISED_ORDER_STATUSES)
export type SupervisorOrdersQueryType = z.infer<typeof SupervisorOrdersQuery>

/** GET /supervisor/approvals (and .csv); `status` is the request's. */
export const SupervisorApprovalsQuery = dashboardQuery(APPROVAL_STATUSES)
export type SupervisorApprovalsQueryType = z.infer<typeof SupervisorApprovalsQuery>

/** GET /supervisor/comparisons (and .csv); `status` is the comparison's. */
export const SupervisorComparisonsQuery = dashboardQuery(COMPARISON_STATUSES)
export type SupervisorComparisonsQueryType = z.infer<typeof SupervisorComparisonsQuery>

/** GET /supervisor/organizations and /supervisor/suppliers: choices for the filters, by name. */
export const SupervisorChoicesQuery = z
  .object({
    q: z.string({ error: "q 只能有一个 / give one q" }).trim().max(100, "q 不超过 100 个字 / q is at most 100 characters").optional(),
    limit: limit(500, 200),
    offset,
  })
  .strict()
export type SupervisorChoicesQueryType = z.infer<typeof SupervisorChoicesQuery>

/** Routes without a query string (me, categories) refuse stray parameters too. */
export const SupervisorEmptyQuery = z.object({}).strict()
