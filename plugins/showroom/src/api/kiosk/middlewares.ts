import type { MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "@gongwucang/platform/http"
import { authenticateKiosk } from "../../lib/kiosk-auth"
import { adminKioskMiddlewares } from "../admin/showroom/kiosks/middlewares"
import { KioskEmptyQuery, KioskEventsBody, KioskHeartbeat } from "./validators"

/**
 * /kiosk/*: only a kiosk's own key opens these (authenticateKiosk: hashed key, revocation at
 * once, per-key rate limit), then each body / query is validated. Also carries the operator's
 * /admin/showroom/kiosks* routes, so the plugin's middlewares.ts spreads one list.
 */
export const kioskMiddlewares: MiddlewareRoute[] = [
  { matcher: "/kiosk*", middlewares: [authenticateKiosk] },
  { method: ["GET"], matcher: "/kiosk/me", middlewares: [validateQuery(KioskEmptyQuery)] },
  { method: ["GET"], matcher: "/kiosk/bundle", middlewares: [validateQuery(KioskEmptyQuery)] },
  { method: ["POST"], matcher: "/kiosk/heartbeat", middlewares: [validateBody(KioskHeartbeat)] },
  // 200 events of ~300 bytes fit well inside 256 KB.
  { method: ["POST"], matcher: "/kiosk/events", bodyParser: { sizeLimit: "256kb" }, middlewares: [validateBody(KioskEventsBody)] },
  ...adminKioskMiddlewares,
]
