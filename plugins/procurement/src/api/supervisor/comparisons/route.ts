import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listSupervisedComparisons } from "../../../lib/supervision-comparisons"
import type { SupervisorComparisonsQueryType } from "../validators"

/**
 * GET /supervisor/comparisons?organization_id&supplier_id&category_id&status&from&to&limit&offset —
 * price comparisons (比价) of every buyer organisation, newest first:
 * `{ comparisons, count, limit, offset, summary: { count, selected_amount, currency_code, by_status } }`.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, SupervisorComparisonsQueryType>, res: MedusaResponse) {
  const { limit, offset, ...filters } = req.validatedQuery
  const { comparisons, summary } = await listSupervisedComparisons(req.scope, filters, { limit, offset })
  res.json({ comparisons, count: summary.count, limit, offset, summary })
}
