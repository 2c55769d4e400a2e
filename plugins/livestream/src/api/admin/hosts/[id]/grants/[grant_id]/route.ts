import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { LIVESTREAM_MESSAGES } from "../../../../../../lib/livestream-messages"
import { livestream } from "../../../../../../lib/livestream-service"

/** DELETE /admin/hosts/:id/grants/:grant_id — withdraw a grant (lineups already built stay). */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service = livestream(req.scope)
  const [grant] = await service.listHostGrants({ id: req.params.grant_id, host_id: req.params.id }, { take: 1 })
  if (!grant) throw new MedusaError(MedusaError.Types.NOT_FOUND, LIVESTREAM_MESSAGES.grant_not_found(req.params.grant_id))
  await service.softDeleteHostGrants(grant.id)
  res.json({ id: grant.id, object: "host_grant", deleted: true })
}
