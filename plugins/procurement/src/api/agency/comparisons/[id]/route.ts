import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { agencyOf } from "../../../../lib/agency-context"
import { loadScopedComparison } from "../../../../workflows/steps/comparison-steps"
import { comparisonResponse } from "../../../store/comparisons/helpers"

/** GET /agency/comparisons/:id — one comparison submitted to this agency (others: 404). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { agency } = agencyOf(req)
  await loadScopedComparison(req.scope, req.params.id, { agency_id: agency.id })
  res.json({ comparison: await comparisonResponse(req.scope, req.params.id) })
}
