import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateCartWorkflow } from "@medusajs/medusa/core-flows"
import { compactInvoice, INVOICE_METADATA_KEY, type InvoiceDetails } from "../lib/invoice"
import { validateCartInvoiceAccessStep } from "./steps/validate-cart-invoice-access"

export interface SetCartInvoiceWorkflowInput {
  cart_id: string
  /** The logged-in customer, if any. */
  customer_id?: string | null
  invoice: InvoiceDetails
}

export const setCartInvoiceWorkflowId = "set-cart-invoice"

/**
 * Stores the invoice details in the cart's metadata (other metadata kept) through Medusa's
 * updateCartWorkflow; completing the cart copies them onto the order.
 */
export const setCartInvoiceWorkflow = createWorkflow(setCartInvoiceWorkflowId, (input: SetCartInvoiceWorkflowInput) => {
  const cart = validateCartInvoiceAccessStep({ cart_id: input.cart_id, customer_id: input.customer_id })

  const update = transform({ cart, input }, ({ cart, input }) => {
    const invoice = compactInvoice(input.invoice)
    return { invoice, metadata: { ...(cart.metadata ?? {}), [INVOICE_METADATA_KEY]: invoice } }
  })

  updateCartWorkflow.runAsStep({ input: { id: input.cart_id, metadata: update.metadata } })

  return new WorkflowResponse(update.invoice)
})
