import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listSupervisedOrders } from "../../../lib/supervision-orders"
import type { SupervisorOrdersQueryType } from "../validators"

/**
 * GET /supervisor/orders?organization_id&supplier_id&category_id&status&from&to&limit&offset —
 * orders placed by members of buyer organisations, newest first:
 * `{ orders, count, limit, offset, summary: { count, total_amount, currency_code } }`.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, SupervisorOrdersQueryType>, res: MedusaResponse) {
  const { limit, offset, ...filters } = req.validatedQuery
  const { orders, summary } = await listSupervisedOrders(req.scope, filters, { limit, offset })
  res.json({ orders, count: summary.count, limit, offset, summary })
}
