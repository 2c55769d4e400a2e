import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { publicSupervisor } from "../../../lib/supervision-service"
import { supervisorOf } from "../../../lib/supervisor-context"

/** GET /supervisor/me — the signed-in supervisor `{ supervisor: { id, name, email, scope } }`. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ supervisor: publicSupervisor(supervisorOf(req)) })
}
