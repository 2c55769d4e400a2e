import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "@gongwucang/platform/http"
import { AdminCreateKiosk, AdminEmptyBody, AdminEmptyQuery, AdminListKiosks, AdminUpdateKiosk } from "./validators"

/** Operator routes for kiosk devices (Medusa authenticates /admin/* as an admin user). */
export const adminKioskMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/admin/showroom/kiosks", middlewares: [validateQuery(AdminListKiosks)] },
  { method: ["POST"], matcher: "/admin/showroom/kiosks", middlewares: [validateBody(AdminCreateKiosk)] },
  { method: ["GET"], matcher: "/admin/showroom/kiosks/:id", middlewares: [validateQuery(AdminEmptyQuery)] },
  { method: ["POST"], matcher: "/admin/showroom/kiosks/:id", middlewares: [validateBody(AdminUpdateKiosk)] },
  { method: ["POST"], matcher: "/admin/showroom/kiosks/:id/rotate-key", middlewares: [validateBody(AdminEmptyBody)] },
  { method: ["POST"], matcher: "/admin/showroom/kiosks/:id/revoke", middlewares: [validateBody(AdminEmptyBody)] },
]
