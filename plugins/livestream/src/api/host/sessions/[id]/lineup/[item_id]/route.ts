import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withConflictMessage } from "@gongwucang/platform/http"
import { removeLineupItem } from "../../../../../../lib/livestream-lineup"
import { mySession } from "../../route"

/** DELETE /host/sessions/:id/lineup/:item_id — take an item off the lineup (409 while pinned). */
export const DELETE = withConflictMessage(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const session = await mySession(req)
  const item = await removeLineupItem(req.scope, session, req.params.item_id)
  res.json({ id: item.id, object: "lineup_item", deleted: true })
})
