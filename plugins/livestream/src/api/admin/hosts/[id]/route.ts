import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { LIVESTREAM_MESSAGES } from "../../../../lib/livestream-messages"
import { livestream } from "../../../../lib/livestream-service"
import { hostView } from "../../../../lib/livestream-views"
import type { AdminUpdateHostType } from "../../../validators"

export async function loadHost(req: AuthenticatedMedusaRequest<any, any>) {
  const [host] = await livestream(req.scope).listHosts({ id: req.params.id }, { relations: ["grants"], take: 1 })
  if (!host) throw new MedusaError(MedusaError.Types.NOT_FOUND, LIVESTREAM_MESSAGES.host_not_found(req.params.id))
  return host
}

/** GET /admin/hosts/:id — the host with their grants. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ host: hostView(await loadHost(req)) })
}

/** POST /admin/hosts/:id `{ display_name?, bio?, avatar_url?, status? }` — edit or suspend a host. */
export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateHostType>, res: MedusaResponse) {
  const host = await loadHost(req)
  await livestream(req.scope).updateHosts({ id: host.id, ...req.validatedBody })
  res.json({ host: hostView(await loadHost(req)) })
}
