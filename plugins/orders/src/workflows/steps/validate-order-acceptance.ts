import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { acceptanceProblem } from "../../lib/progress"
import { loadCustomerOrder } from "../utils/customer-order"

export interface ValidateOrderAcceptanceStepInput {
  order_id: string
  customer_id: string
}

/**
 * Loads the order and checks that this customer may accept it now: their own order (else 404),
 * not cancelled and delivered (else 400), not accepted already (else 409).
 * Read-only, so there is nothing to compensate.
 */
export const validateOrderAcceptanceStep = createStep(
  "validate-order-acceptance",
  async (input: ValidateOrderAcceptanceStepInput, { container }) => {
    const order = await loadCustomerOrder(container, input)
    const problem = acceptanceProblem(order)
    if (problem) {
      throw new MedusaError(
        problem.type === "conflict" ? MedusaError.Types.CONFLICT : MedusaError.Types.NOT_ALLOWED,
        problem.message
      )
    }
    return new StepResponse({ order_id: order.id, customer_id: input.customer_id })
  }
)
