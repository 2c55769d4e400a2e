import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { buildOrderProgress } from "../lib/progress"
import { loadCustomerOrderStep } from "./steps/load-customer-order"

export interface GetOrderProgressWorkflowInput {
  order_id: string
  customer_id: string
}

export const getOrderProgressWorkflowId = "get-order-progress"

/** The progress timeline of the customer's own order (404 for anyone else's). */
export const getOrderProgressWorkflow = createWorkflow(getOrderProgressWorkflowId, (input: GetOrderProgressWorkflowInput) => {
  const order = loadCustomerOrderStep(input)
  return new WorkflowResponse(transform({ order }, ({ order }) => buildOrderProgress(order)))
})
