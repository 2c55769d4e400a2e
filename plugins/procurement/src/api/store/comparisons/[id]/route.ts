import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withConflictMessage } from "@gongwucang/platform/http"
import { organizationOf } from "../../../../lib/organization-context"
import { updateComparisonWorkflow } from "../../../../workflows/comparisons"
import { loadScopedComparison } from "../../../../workflows/steps/comparison-steps"
import { comparisonResponse } from "../helpers"
import type { StoreUpdateComparisonType } from "../validators"

/** GET /store/comparisons/:id — one of the organisation's comparisons (another's is a 404). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { organization } = organizationOf(req)
  await loadScopedComparison(req.scope, req.params.id, { organization_id: organization.id })
  res.json({ comparison: await comparisonResponse(req.scope, req.params.id) })
}

/** POST /store/comparisons/:id `{ title?, quantity?, required_specs?, variant_ids? }` — edit a draft or returned one (409 otherwise). */
export const POST = withConflictMessage(async (req: AuthenticatedMedusaRequest<StoreUpdateComparisonType>, res: MedusaResponse) => {
  const { organization } = organizationOf(req)
  const current = await loadScopedComparison(req.scope, req.params.id, { organization_id: organization.id })
  const body = req.validatedBody
  await updateComparisonWorkflow(req.scope).run({
    input: {
      comparison_id: current.id,
      customer_id: req.auth_context.actor_id,
      organization_id: organization.id,
      category_id: current.category_id,
      title: body.title,
      quantity: body.quantity,
      required_specs: body.required_specs === undefined ? undefined : body.required_specs ?? null,
      variant_ids: body.variant_ids,
    },
  })
  res.json({ comparison: await comparisonResponse(req.scope, current.id) })
})
