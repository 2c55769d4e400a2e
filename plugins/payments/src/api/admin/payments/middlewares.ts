import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "@gongwucang/platform/http"
import { AdminMarkBankTransferReceived } from "./validators"

/** Operator routes (Medusa authenticates /admin/* as an admin user). */
export const adminPaymentMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/payments/:id/bank-transfer/received",
    middlewares: [validateBody(AdminMarkBankTransferReceived)],
  },
]
