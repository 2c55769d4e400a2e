import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { showroomAnalytics } from "../../../../lib/showroom-analytics"
import { shanghaiMonth } from "../../../../lib/showroom-dates"
import type { AnalyticsQueryType } from "../validators"

/** GET /admin/showroom/analytics?month=YYYY-MM&centre_id= — the month's figures and its top exhibits (default: this month). */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AnalyticsQueryType>, res: MedusaResponse) {
  const { month, centre_id, limit } = req.validatedQuery
  res.set("Cache-Control", "private, no-store")
  res.json(await showroomAnalytics(req.scope, month ?? shanghaiMonth(), centre_id, limit))
}
