import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { withConflictMessage } from "@gongwucang/platform/http"
import { LIVESTREAM_MESSAGES } from "../../../../../lib/livestream-messages"
import { livestream } from "../../../../../lib/livestream-service"
import { hostView } from "../../../../../lib/livestream-views"
import type { AdminCreateGrantType } from "../../../../validators"
import { loadHost } from "../route"

/**
 * POST /admin/hosts/:id/grants `{ kind: "supplier"|"category", target_id }` — let the host sell
 * a supplier's products or a category's (and its sub-categories'). 400 when the target does not
 * exist, 409 when the host has the grant already.
 */
export const POST = withConflictMessage(async (req: AuthenticatedMedusaRequest<AdminCreateGrantType>, res: MedusaResponse) => {
  const host = await loadHost(req)
  const { kind, target_id } = req.validatedBody
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: kind === "supplier" ? "supplier" : "product_category", fields: ["id"], filters: { id: target_id } })
  if (!data[0]) throw new MedusaError(MedusaError.Types.INVALID_DATA, LIVESTREAM_MESSAGES.grant_target_not_found(kind, target_id))
  if ((host.grants ?? []).some((g) => g.kind === kind && g.target_id === target_id)) throw new MedusaError(MedusaError.Types.CONFLICT, LIVESTREAM_MESSAGES.grant_exists)
  const grant = await livestream(req.scope).createHostGrants({ host_id: host.id, kind, target_id })
  res.status(201).json({ grant: { id: grant.id, kind: grant.kind, target_id: grant.target_id }, host: hostView(await loadHost(req)) })
})
