import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withConflictMessage } from "@gongwucang/platform/http"
import { hostOf } from "../../../../../lib/host-context"
import { sessionDetail } from "../../../../../lib/livestream-views"
import { goLiveWorkflow } from "../../../../../workflows"

/** POST /host/sessions/:id/go-live — 开播 (scheduled → live; 409 otherwise). */
export const POST = withConflictMessage(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await goLiveWorkflow(req.scope).run({ input: { session_id: req.params.id, host_id: hostOf(req).id } })
  res.json({ session: await sessionDetail(req.scope, result) })
})
