import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withConflictMessage } from "@gongwucang/platform/http"
import { addLineupItem } from "../../../../../lib/livestream-lineup"
import { sessionDetail } from "../../../../../lib/livestream-views"
import type { HostAddLineupItemType } from "../../../../validators"
import { mySession } from "../route"

/**
 * POST /host/sessions/:id/lineup `{ product_id, variant_id, live_price?, live_stock_cap?, rank? }`
 * — a published product within the host's grants (403 outside them).
 */
export const POST = withConflictMessage(async (req: AuthenticatedMedusaRequest<HostAddLineupItemType>, res: MedusaResponse) => {
  const session = await mySession(req)
  const item = await addLineupItem(req.scope, session, req.validatedBody)
  const detail = await sessionDetail(req.scope, session)
  res.status(201).json({ item: detail.lineup.find((i) => i.id === item.id) ?? null, session: detail })
})
