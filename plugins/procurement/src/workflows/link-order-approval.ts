import { Modules } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createRemoteLinkStep } from "@medusajs/medusa/core-flows"
import { APPROVAL_MODULE } from "../modules/approval"
import { recordAuditStep } from "./steps/record-audit"
import { attachOrderToApprovalStep } from "./steps/attach-order-to-approval"

/**
 * A placed order is linked to the approval it went through (approval_request ↔ order): the
 * request records the order and the link lets Query read `order.approval_request`.
 */
export const linkOrderApprovalWorkflow = createWorkflow("procurement-link-order-approval", (input: { order_id: string }) => {
  const request = attachOrderToApprovalStep(input)
  when("procurement-order-has-approval", { request }, ({ request }) => !!request).then(() => {
    createRemoteLinkStep(
      transform({ request }, ({ request }) => [
        { [APPROVAL_MODULE]: { approval_request_id: request!.id }, [Modules.ORDER]: { order_id: request!.order_id! } },
      ])
    )
    recordAuditStep(
      transform({ request }, ({ request }) => ({
        entries: [
          {
            actor_type: "system" as const,
            actor_id: "order.placed",
            organization_id: request!.organization_id,
            entity_type: "approval_request",
            entity_id: request!.id,
            action: "approval.ordered",
            before: { id: request!.id, order_id: null },
            after: { id: request!.id, order_id: request!.order_id },
          },
        ],
      }))
    )
  })
  return new WorkflowResponse(request)
})
