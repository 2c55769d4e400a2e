import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "@gongwucang/platform/http"
import { AdminFindBankTransfer } from "./validators"

export const adminBankTransferMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/bank-transfers", middlewares: [validateQuery(AdminFindBankTransfer)] },
]
