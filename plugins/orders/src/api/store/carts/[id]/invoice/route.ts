import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { invoiceFromMetadata } from "../../../../../lib/invoice"
import { setCartInvoiceWorkflow } from "../../../../../workflows/set-cart-invoice"
import { loadInvoiceCart } from "../../../../../workflows/utils/cart-invoice"
import type { StoreSetCartInvoiceType } from "../../validators"

/** GET /store/carts/:id/invoice — the invoice details (发票信息) on the cart, or null. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const cart = await loadInvoiceCart(req.scope, { cart_id: req.params.id, customer_id: req.auth_context?.actor_id })
  res.json({ cart_id: cart.id, invoice: invoiceFromMetadata(cart.metadata) })
}

/** POST /store/carts/:id/invoice — sets the invoice details; they travel to the order. */
export const POST = async (req: AuthenticatedMedusaRequest<StoreSetCartInvoiceType>, res: MedusaResponse) => {
  const { result: invoice } = await setCartInvoiceWorkflow(req.scope).run({
    input: { cart_id: req.params.id, customer_id: req.auth_context?.actor_id, invoice: req.validatedBody },
  })
  res.json({ cart_id: req.params.id, invoice })
}
