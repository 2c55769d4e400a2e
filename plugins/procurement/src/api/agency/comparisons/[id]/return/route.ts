import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withConflictMessage } from "@gongwucang/platform/http"
import { agencyActor, agencyOf } from "../../../../../lib/agency-context"
import { reviewComparisonWorkflow } from "../../../../../workflows/comparisons"
import { comparisonResponse } from "../../../../store/comparisons/helpers"

/** POST /agency/comparisons/:id/return — return (退回) a claimed comparison to the buyer with the required comment; 409 in any other state. */
export const POST = withConflictMessage(async (req: AuthenticatedMedusaRequest<{ comment?: string | null }>, res: MedusaResponse) => {
  const context = agencyOf(req)
  await reviewComparisonWorkflow(req.scope).run({
    input: {
      comparison_id: req.params.id,
      action: "return",
      scope: { agency_id: context.agency.id },
      actor: agencyActor(context),
      comment: req.validatedBody?.comment ?? null,
    },
  })
  res.json({ comparison: await comparisonResponse(req.scope, req.params.id) })
})
