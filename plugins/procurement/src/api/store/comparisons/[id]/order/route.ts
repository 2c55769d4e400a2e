import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { withConflictMessage } from "@gongwucang/platform/http"
import { COMPARISON_MESSAGES } from "../../../../../lib/comparison-messages"
import { cnyRegionId } from "../../../../../lib/comparison-offers"
import { organizationOf } from "../../../../../lib/organization-context"
import { createComparisonCartWorkflow } from "../../../../../workflows/comparisons"

/**
 * POST /store/comparisons/:id/order — a cart in the CNY region and the request's sales channel
 * with the chosen offer × quantity at the compared unit price. 409 unless confirmed and within
 * the price lock. The buyer then checks out as usual.
 */
export const POST = withConflictMessage(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { organization } = organizationOf(req)
  const channelId = (req as unknown as { publishable_key_context?: { sales_channel_ids?: string[] } }).publishable_key_context?.sales_channel_ids?.[0]
  if (!channelId) throw new MedusaError(MedusaError.Types.INVALID_DATA, COMPARISON_MESSAGES.no_sales_channel)
  const { result } = await createComparisonCartWorkflow(req.scope).run({
    input: {
      comparison_id: req.params.id,
      organization_id: organization.id,
      customer_id: req.auth_context.actor_id,
      region_id: await cnyRegionId(req.scope),
      sales_channel_id: channelId,
    },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "region_id", "sales_channel_id", "customer_id", "currency_code", "total", "subtotal", "metadata", "items.id", "items.variant_id", "items.title", "items.quantity", "items.unit_price", "items.is_custom_price", "items.metadata"],
    filters: { id: result.id },
  })
  res.status(201).json({ cart: data[0] })
})
