import { validateQuery } from "@gongwucang/platform/http"
import type { MiddlewareRoute } from "@medusajs/framework/http"
import { StoreCartPaymentMethodsQuery } from "./validators"

export const storeCartPaymentMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/store/carts/:id/payment-methods", middlewares: [validateQuery(StoreCartPaymentMethodsQuery)] },
]
