import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { cancelProblem } from "../../lib/progress"
import { loadCustomerOrder } from "../utils/customer-order"

export interface ValidateOrderCancellationStepInput {
  order_id: string
  customer_id: string
}

/**
 * The buyer's own order (else 404) that nothing has been packed or shipped for (else 400), not
 * cancelled already (else 409). Read-only, so there is nothing to compensate.
 */
export const validateOrderCancellationStep = createStep(
  "validate-order-cancellation",
  async (input: ValidateOrderCancellationStepInput, { container }) => {
    const order = await loadCustomerOrder(container, input)
    const problem = cancelProblem(order)
    if (problem) {
      throw new MedusaError(problem.type === "conflict" ? MedusaError.Types.CONFLICT : MedusaError.Types.NOT_ALLOWED, problem.message)
    }
    return new StepResponse({ order_id: order.id })
  }
)
