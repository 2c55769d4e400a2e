import { authenticate, validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { StoreAcceptOrder } from "./validators"

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
]
