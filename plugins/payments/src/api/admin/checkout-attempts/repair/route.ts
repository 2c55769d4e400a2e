import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { repairAfterSeconds, repairCutOffCheckouts } from "../../../../lib/checkout-repair"
import type { AdminRepairCheckoutsType } from "../validators"

/**
 * POST /admin/checkout-attempts/repair — the operator runs the repair now (it also runs every
 * minute): cut-off completions are finished or undone; answers with what was done to each.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminRepairCheckoutsType>, res: MedusaResponse) {
  const results = await repairCutOffCheckouts(req.scope, req.validatedBody.older_than_seconds ?? repairAfterSeconds())
  res.json({ repaired: results })
}
