import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withConflictMessage } from "@gongwucang/platform/http"
import { agencyActor, agencyOf } from "../../../../../lib/agency-context"
import { confirmComparisonWorkflow } from "../../../../../workflows/comparisons"
import { comparisonResponse } from "../../../../store/comparisons/helpers"

/** POST /agency/comparisons/:id/confirm `{ comment? }` — confirm a claimed comparison: serial number, price lock, report. */
export const POST = withConflictMessage(async (req: AuthenticatedMedusaRequest<{ comment?: string | null }>, res: MedusaResponse) => {
  const context = agencyOf(req)
  await confirmComparisonWorkflow(req.scope).run({
    input: { comparison_id: req.params.id, agency_id: context.agency.id, actor: agencyActor(context), comment: req.validatedBody?.comment ?? null },
  })
  res.json({ comparison: await comparisonResponse(req.scope, req.params.id) })
})
