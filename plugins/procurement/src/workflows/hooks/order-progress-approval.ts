import { insertProgressStep, ORDER_PROGRESS_STEPS, type OrderSnapshot } from "@gongwucang/orders/progress"
import { registerOrderSnapshotEnricher } from "@gongwucang/orders/progress-extensions"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { approvalProgressStep, type OrderApprovalFacts } from "../../lib/approval-progress"

/**
 * The order timeline's 审批通过 step for orders placed under an approval. The orders plugin
 * knows nothing of approvals: it asks its registered enrichers, and this one reads the order's
 * approval request through the approval_request ↔ order link (Query).
 */
registerOrderSnapshotEnricher("procurement_approval", async (container, order: OrderSnapshot): Promise<OrderApprovalFacts | null> => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "approval_request.id", "approval_request.status", "approval_request.created_at", "approval_request.decided_at", "approval_request.decided_by_email"],
    filters: { id: order.id },
  })
  const request = (data[0] as { approval_request?: Record<string, unknown> | null } | undefined)?.approval_request
  if (!request) return null
  const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null)
  return {
    id: String(request.id),
    status: String(request.status),
    requested_at: iso(request.created_at),
    decided_at: iso(request.decided_at),
    decided_by: (request.decided_by_email as string | null) ?? null,
  }
})

if (!ORDER_PROGRESS_STEPS.some((step) => step.key === approvalProgressStep.key)) {
  insertProgressStep(approvalProgressStep, { after: "placed" })
}
