import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "@gongwucang/platform/http"
import { AdminCreateSupervisor, AdminListSupervisors } from "./validators"

/** Operator routes (Medusa authenticates /admin/* as an admin user). */
export const adminSupervisorMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/supervisors", middlewares: [validateQuery(AdminListSupervisors)] },
  { method: ["POST"], matcher: "/admin/supervisors", middlewares: [validateBody(AdminCreateSupervisor)] },
]
