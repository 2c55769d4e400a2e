import { authenticate, validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { StoreSetCartInvoice } from "./validators"

// Guest carts are usable without logging in (as with Medusa's own cart routes); when a customer
// is logged in, their identity decides whether they may use a registered customer's cart.
const optionalCustomer = authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })

export const storeCartInvoiceMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/carts/:id/invoice",
    middlewares: [optionalCustomer],
  },
  {
    method: ["POST"],
    matcher: "/store/carts/:id/invoice",
    middlewares: [optionalCustomer, validateAndTransformBody(StoreSetCartInvoice)],
  },
]
