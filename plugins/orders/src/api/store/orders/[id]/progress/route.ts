import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { getOrderProgressWorkflow } from "../../../../../workflows/get-order-progress"

/** GET /store/orders/:id/progress — placed → paid → shipped → delivered → accepted (验收). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await getOrderProgressWorkflow(req.scope).run({
    input: { order_id: req.params.id, customer_id: req.auth_context.actor_id },
  })
  res.json(result)
}
