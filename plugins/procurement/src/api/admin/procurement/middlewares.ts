import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "@gongwucang/platform/http"
import { AuditLogQuery } from "./validators"

export const adminProcurementMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/procurement/audit-log", middlewares: [validateQuery(AuditLogQuery)] },
]
