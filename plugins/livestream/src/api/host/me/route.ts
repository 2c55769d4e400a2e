import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { hostOf } from "../../../lib/host-context"
import { livestream } from "../../../lib/livestream-service"
import { hostView } from "../../../lib/livestream-views"

/** GET /host/me — the signed-in host, their profile and grants. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const [host] = await livestream(req.scope).listHosts({ id: hostOf(req).id }, { relations: ["grants"], take: 1 })
  res.json({ host: hostView(host) })
}
