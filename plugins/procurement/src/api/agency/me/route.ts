import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { agencyOf } from "../../../lib/agency-context"

/** GET /agency/me — the signed-in agency user and their agency. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json(agencyOf(req))
}
