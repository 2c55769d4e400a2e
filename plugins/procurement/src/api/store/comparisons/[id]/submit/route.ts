import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withConflictMessage } from "@gongwucang/platform/http"
import { organizationOf } from "../../../../../lib/organization-context"
import { submitComparisonWorkflow } from "../../../../../workflows/comparisons"
import { comparisonResponse, customerActor } from "../../helpers"
import type { StoreSubmitComparisonType } from "../../validators"

/** POST /store/comparisons/:id/submit `{ selected_offer_id, reason, agency_id }` — to the agency (from returned: a resubmission). */
export const POST = withConflictMessage(async (req: AuthenticatedMedusaRequest<StoreSubmitComparisonType>, res: MedusaResponse) => {
  const context = organizationOf(req)
  const body = req.validatedBody
  await submitComparisonWorkflow(req.scope).run({
    input: {
      comparison_id: req.params.id,
      organization_id: context.organization.id,
      actor: customerActor(context, await customerEmail(req)),
      selected_offer_id: body.selected_offer_id,
      reason: body.reason,
      agency_id: body.agency_id,
    },
  })
  res.json({ comparison: await comparisonResponse(req.scope, req.params.id) })
})

async function customerEmail(req: AuthenticatedMedusaRequest): Promise<string | null> {
  const customer = await req.scope.resolve("customer").retrieveCustomer(req.auth_context.actor_id, { select: ["email"] })
  return customer?.email ?? null
}
