import { Modules } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createRemoteLinkStep } from "@medusajs/medusa/core-flows"
import { APPROVAL_MODULE } from "../modules/approval"
import { attachOrderToApprovalStep } from "./steps/attach-order-to-approval"

/**
 * A placed order is linked to the approval it went through (approval_request ↔ order): the
 * request records the order and the link lets Query read `order.approval_request`.
 */
export const linkOrderApprovalWorkflow = createWorkflow("procurement-link-order-approval", (input: { order_id: string }) => {
  const request = attachOrderToApprovalStep(input)
  when({ request }, ({ request }) => !!request).then(() => {
    createRemoteLinkStep(
      transform({ request }, ({ request }) => [
        { [APPROVAL_MODULE]: { approval_request_id: request!.id }, [Modules.ORDER]: { order_id: request!.order_id! } },
      ])
    )
  })
  return new WorkflowResponse(request)
})
