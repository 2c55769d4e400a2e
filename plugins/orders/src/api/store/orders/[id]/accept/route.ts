import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { acceptOrderWorkflow } from "../../../../../workflows/accept-order"
import { getOrderProgressWorkflow } from "../../../../../workflows/get-order-progress"
import { withConflictMessage } from "@gongwucang/platform/http"
import type { StoreAcceptOrderType } from "../../validators"

/** POST /store/orders/:id/accept — the buyer accepts (验收) a delivered order; answers with the new timeline. */
export const POST = withConflictMessage(
  async (req: AuthenticatedMedusaRequest<StoreAcceptOrderType>, res: MedusaResponse) => {
    const input = { order_id: req.params.id, customer_id: req.auth_context.actor_id }
    const { result: acceptance } = await acceptOrderWorkflow(req.scope).run({
      input: { ...input, note: req.validatedBody.note },
    })
    const { result: progress } = await getOrderProgressWorkflow(req.scope).run({ input })
    res.json({ acceptance, progress })
  }
)
