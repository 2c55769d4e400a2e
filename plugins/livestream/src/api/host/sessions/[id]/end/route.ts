import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withConflictMessage } from "@gongwucang/platform/http"
import { hostOf } from "../../../../../lib/host-context"
import { pinView, sessionDetail } from "../../../../../lib/livestream-views"
import { endSessionWorkflow } from "../../../../../workflows"

/** POST /host/sessions/:id/end — 下播 (live → ended; closes the open pin; 409 otherwise). */
export const POST = withConflictMessage(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await endSessionWorkflow(req.scope).run({ input: { session_id: req.params.id, host_id: hostOf(req).id } })
  res.json({ session: await sessionDetail(req.scope, result.session), closed_pin: result.closed_pin ? pinView(result.closed_pin) : null })
})
