import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "@gongwucang/platform/http"
import { AdminListOrganizations } from "./validators"

/** Operator routes (Medusa authenticates /admin/* as an admin user). */
export const adminOrganizationMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/organizations", middlewares: [validateQuery(AdminListOrganizations)] },
]
