import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withConflictMessage } from "@gongwucang/platform/http"
import { cancelCustomerOrderWorkflow } from "../../../../../workflows/cancel-customer-order"
import { getOrderProgressWorkflow } from "../../../../../workflows/get-order-progress"

/**
 * POST /store/orders/:id/cancel — the buyer cancels their order before it ships; answers with
 * the new timeline (the cancellation and any refund in its events).
 */
export const POST = withConflictMessage(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const input = { order_id: req.params.id, customer_id: req.auth_context.actor_id }
  await cancelCustomerOrderWorkflow(req.scope).run({ input })
  const { result: progress } = await getOrderProgressWorkflow(req.scope).run({ input })
  res.json({ progress })
})
