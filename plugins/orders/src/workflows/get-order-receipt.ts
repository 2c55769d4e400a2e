import { PLATFORM_NAME, platformTimeZone } from "@gongwucang/platform/facts"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { buildReceiptView, type ReceiptLanguage } from "../lib/receipt"
import { loadOrderReceiptStep } from "./steps/load-order-receipt"

export interface GetOrderReceiptWorkflowInput {
  order_id: string
  customer_id: string
  lang: ReceiptLanguage
  /** When the receipt is generated (ISO 8601); printed on it. */
  generated_at: string
}

export const getOrderReceiptWorkflowId = "get-order-receipt"

/** The receipt (订单收据) of the customer's own order as worded text (404 for anyone else's); the route draws it. */
export const getOrderReceiptWorkflow = createWorkflow(getOrderReceiptWorkflowId, (input: GetOrderReceiptWorkflowInput) => {
  const order = loadOrderReceiptStep(input)
  const view = transform({ order, input }, ({ order, input }) =>
    buildReceiptView(order, {
      lang: input.lang,
      timeZone: platformTimeZone(),
      generatedAt: input.generated_at,
      platformName: PLATFORM_NAME,
    })
  )
  return new WorkflowResponse(view)
})
