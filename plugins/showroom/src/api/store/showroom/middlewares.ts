import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "@gongwucang/platform/http"
import { StoreListThemes, StoreScan, StoreSignup } from "./validators"

/** Visitor routes (any publishable key): themes, event sign-ups (signed in or not), QR scans. */
export const storeShowroomMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/store/showroom/themes", middlewares: [validateQuery(StoreListThemes)] },
  {
    method: ["POST"],
    matcher: "/store/showroom/events/:id/signups",
    middlewares: [authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }), validateBody(StoreSignup)],
  },
  { method: ["POST"], matcher: "/store/showroom/scans", middlewares: [validateBody(StoreScan)] },
]
