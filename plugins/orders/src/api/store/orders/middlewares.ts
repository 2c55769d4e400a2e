import { authenticate, validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "@gongwucang/platform/http"
import { StoreOrderReceiptQuery } from "./[id]/receipt/validators"
import { StoreAcceptOrder, StoreCancelOrder } from "./validators"

export const storeOrderProgressMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/orders/:id/progress",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  {
    method: ["POST"],
    matcher: "/store/orders/:id/accept",
    middlewares: [authenticate("customer", ["session", "bearer"]), validateAndTransformBody(StoreAcceptOrder)],
  },
  {
    method: ["POST"],
    matcher: "/store/orders/:id/cancel",
    // No body: anything sent is refused rather than ignored.
    middlewares: [authenticate("customer", ["session", "bearer"]), validateAndTransformBody(StoreCancelOrder)],
  },
  {
    method: ["GET"],
    matcher: "/store/orders/:id/receipt",
    middlewares: [authenticate("customer", ["session", "bearer"]), validateQuery(StoreOrderReceiptQuery)],
  },
]
