import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { loadCustomerOrder } from "../utils/customer-order"

export interface LoadCustomerOrderStepInput {
  order_id: string
  customer_id: string
}

/** Reads the customer's own order for the timeline (read-only: nothing to compensate). */
export const loadCustomerOrderStep = createStep(
  "load-customer-order",
  async (input: LoadCustomerOrderStepInput, { container }) => {
    return new StepResponse(await loadCustomerOrder(container, input))
  }
)
