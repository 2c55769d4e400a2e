import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { approvals } from "../../lib/approval-service"
import { amount } from "../../lib/organization-view"
import { approvalCovers } from "../../lib/spending-rules"

/**
 * Finds the approval the order was placed under — the newest approved request of the order's
 * cart that covers the order's total — and records the order on it. Null when there is none.
 * Undone by clearing the order again.
 */
export const attachOrderToApprovalStep = createStep(
  "procurement-attach-order-to-approval",
  async (input: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "order", fields: ["id", "total", "cart.id"], filters: { id: input.order_id } })
    const order = data[0] as { id: string; total?: unknown; cart?: { id: string } | null } | undefined
    const cartId = order?.cart?.id
    if (!order || !cartId) return new StepResponse(null, null)
    const service = approvals(container)
    const [request] = await service.listApprovalRequests({ cart_id: cartId, status: "approved", order_id: null }, { order: { created_at: "DESC" }, take: 1 })
    const total = amount(order.total as number) ?? 0
    if (!request || !approvalCovers({ status: "approved", amount: amount(request.amount as unknown as number) ?? 0 }, total)) {
      return new StepResponse(null, null)
    }
    const updated = await service.updateApprovalRequests({ id: request.id, order_id: order.id })
    return new StepResponse(updated, request.id)
  },
  async (requestId, { container }) => {
    if (requestId) await approvals(container).updateApprovalRequests({ id: requestId, order_id: null })
  }
)
