import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { organizationOf } from "../../../../../lib/organization-context"
import { spendingOf } from "../../../../../lib/spending"

/**
 * GET /store/organizations/me/spending — the caller's limits and what they spent this period
 * (calendar month/quarter/year, China time), and the organisation's budget, spent this year
 * and what is left. `{ member, organization }`.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { member, organization } = organizationOf(req)
  res.json(await spendingOf(req.scope, member, organization))
}
