import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withConflictMessage } from "@gongwucang/platform/http"
import { hostOf } from "../../../../../lib/host-context"
import { pinView } from "../../../../../lib/livestream-views"
import { unpinWorkflow } from "../../../../../workflows"

/** POST /host/sessions/:id/unpin — 取消置顶 (nothing pinned: `unpinned: null`). */
export const POST = withConflictMessage(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await unpinWorkflow(req.scope).run({ input: { session_id: req.params.id, host_id: hostOf(req).id } })
  res.json({ unpinned: result ? pinView(result) : null })
})
