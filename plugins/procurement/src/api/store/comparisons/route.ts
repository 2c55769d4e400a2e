import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withConflictMessage } from "@gongwucang/platform/http"
import { comparisons } from "../../../lib/comparison-service"
import { comparisonSummary } from "../../../lib/comparison-view"
import { organizationOf } from "../../../lib/organization-context"
import { createComparisonWorkflow } from "../../../workflows/comparisons"
import { comparisonResponse } from "./helpers"
import type { StoreCreateComparisonType, StoreListComparisonsType } from "./validators"

/** GET /store/comparisons?status&limit&offset — the caller's organisation's comparisons, newest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { organization } = organizationOf(req)
  const q = (req as unknown as { validatedQuery: StoreListComparisonsType }).validatedQuery
  const [rows, count] = await comparisons(req.scope).listAndCountPriceComparisons(
    { organization_id: organization.id, ...(q.status ? { status: q.status } : {}) },
    { relations: ["offers"], order: { created_at: "DESC" }, take: q.limit, skip: q.offset }
  )
  res.json({ comparisons: rows.map(comparisonSummary), count, limit: q.limit, offset: q.offset })
}

/**
 * POST /store/comparisons `{ title?, category_id, quantity, required_specs?, variant_ids }` — a draft
 * with the offers snapshotted (price, supplier, specs, after-sales). 400 names the problem: too few
 * offers or suppliers, other categories, an unpublished product, an unknown variant.
 */
export const POST = withConflictMessage(async (req: AuthenticatedMedusaRequest<StoreCreateComparisonType>, res: MedusaResponse) => {
  const { organization, member } = organizationOf(req)
  const body = req.validatedBody
  const { result } = await createComparisonWorkflow(req.scope).run({
    input: {
      organization_id: organization.id,
      customer_id: member.customer_id,
      email: null,
      title: body.title ?? null,
      category_id: body.category_id,
      quantity: body.quantity,
      required_specs: body.required_specs ?? null,
      variant_ids: body.variant_ids,
    },
  })
  res.status(201).json({ comparison: await comparisonResponse(req.scope, result.id) })
})
