import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withConflictMessage } from "@gongwucang/platform/http"
import { hostOf } from "../../../../../lib/host-context"
import { livestream } from "../../../../../lib/livestream-service"
import { pinView } from "../../../../../lib/livestream-views"
import { pinWorkflow } from "../../../../../workflows"
import type { HostPinType } from "../../../../validators"

/**
 * POST /host/sessions/:id/pin `{ lineup_item_id }` — 置顶: only while live (409), only an item of
 * this session's lineup (400), only on sale (409); the pin before it is closed.
 */
export const POST = withConflictMessage(async (req: AuthenticatedMedusaRequest<HostPinType>, res: MedusaResponse) => {
  const { result } = await pinWorkflow(req.scope).run({ input: { session_id: req.params.id, host_id: hostOf(req).id, lineup_item_id: req.validatedBody.lineup_item_id } })
  const pin = result.pin ?? (result.unchanged_pin_id ? (await livestream(req.scope).listPins({ id: result.unchanged_pin_id }, { take: 1 }))[0] : null)
  res.json({ pin: pin ? pinView(pin) : null, unpinned: result.closed_pin ? pinView(result.closed_pin) : null, unchanged: !!result.unchanged_pin_id })
})
