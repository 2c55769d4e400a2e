import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { loadInvoiceCart } from "../utils/cart-invoice"

export interface ValidateCartInvoiceAccessStepInput {
  cart_id: string
  /** The logged-in customer, if any. */
  customer_id?: string | null
}

/**
 * Loads the cart and checks that the caller may change its invoice details and that it is still
 * open. Read-only, so there is nothing to compensate.
 */
export const validateCartInvoiceAccessStep = createStep(
  "validate-cart-invoice-access",
  async (input: ValidateCartInvoiceAccessStepInput, { container }) => {
    const cart = await loadInvoiceCart(container, input)
    if (cart.completed_at) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "购物车已下单，发票信息不能再修改 / The cart has been checked out; its invoice details can no longer be changed"
      )
    }
    return new StepResponse(cart)
  }
)
