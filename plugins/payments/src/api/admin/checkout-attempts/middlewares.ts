import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "@gongwucang/platform/http"
import { AdminListCheckoutAttempts, AdminRepairCheckouts } from "./validators"

export const adminCheckoutAttemptMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/checkout-attempts", middlewares: [validateQuery(AdminListCheckoutAttempts)] },
  { method: ["POST"], matcher: "/admin/checkout-attempts/repair", middlewares: [validateBody(AdminRepairCheckouts)] },
]
