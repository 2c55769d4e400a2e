import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withConflictMessage } from "@gongwucang/platform/http"
import { removeLineupItem, updateLineupItem } from "../../../../../../lib/livestream-lineup"
import { sessionDetail } from "../../../../../../lib/livestream-views"
import type { HostUpdateLineupItemType } from "../../../../../validators"
import { mySession } from "../../route"

/** POST /host/sessions/:id/lineup/:item_id `{ live_price?, live_stock_cap?, rank? }` — change an item (null clears). */
export const POST = withConflictMessage(async (req: AuthenticatedMedusaRequest<HostUpdateLineupItemType>, res: MedusaResponse) => {
  const session = await mySession(req)
  const item = await updateLineupItem(req.scope, session, req.params.item_id, req.validatedBody)
  const detail = await sessionDetail(req.scope, session)
  res.json({ item: detail.lineup.find((i) => i.id === item.id) ?? null, session: detail })
})

/** DELETE /host/sessions/:id/lineup/:item_id — take an item off the lineup (409 while pinned). */
export const DELETE = withConflictMessage(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const session = await mySession(req)
  const item = await removeLineupItem(req.scope, session, req.params.item_id)
  res.json({ id: item.id, object: "lineup_item", deleted: true })
})
