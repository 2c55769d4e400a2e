import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { agencyOf } from "../../../lib/agency-context"
import { comparisons } from "../../../lib/comparison-service"
import { comparisonSummary } from "../../../lib/comparison-view"
import type { AgencyListComparisonsType } from "../../store/comparisons/validators"

/** GET /agency/comparisons?status — the agency's queue: comparisons submitted to it (never drafts, never another agency's). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { agency } = agencyOf(req)
  const q = (req as unknown as { validatedQuery: AgencyListComparisonsType }).validatedQuery
  const [rows, count] = await comparisons(req.scope).listAndCountPriceComparisons(
    { agency_id: agency.id, status: q.status ? q.status : ["submitted", "claimed", "returned", "confirmed", "ordered"] },
    { relations: ["offers"], order: { submitted_at: "ASC" }, take: q.limit, skip: q.offset }
  )
  res.json({ comparisons: rows.map(comparisonSummary), count, limit: q.limit, offset: q.offset })
}
