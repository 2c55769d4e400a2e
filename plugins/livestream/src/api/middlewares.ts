import { authenticate, defineMiddlewares, type MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "@gongwucang/platform/http"
import { loadHostContext } from "../lib/host-context"
import { AdminCreateGrant, AdminCreateHost, AdminUpdateHost, Empty, HostAddLineupItem, HostCreateSession, HostPin, HostUpdateLineupItem, HostUpdateSession, ListQuery } from "./validators"

/** A signed-in host (active); customers, operators and visitors get 401. */
const host = [authenticate("host", ["session", "bearer"]), loadHostContext]
const empty = validateBody(Empty)

export const livestreamMiddlewares: MiddlewareRoute[] = [
  // Operator (Medusa authenticates /admin/* as an admin user).
  { method: ["GET"], matcher: "/admin/hosts", middlewares: [validateQuery(ListQuery)] },
  { method: ["POST"], matcher: "/admin/hosts", middlewares: [validateBody(AdminCreateHost)] },
  { method: ["POST"], matcher: "/admin/hosts/:id", middlewares: [validateBody(AdminUpdateHost)] },
  { method: ["POST"], matcher: "/admin/hosts/:id/grants", middlewares: [validateBody(AdminCreateGrant)] },
  { method: ["GET"], matcher: "/admin/live-sessions", middlewares: [validateQuery(ListQuery)] },
  // Hosts (主播).
  { matcher: "/host*", middlewares: host },
  { method: ["GET"], matcher: "/host/sessions", middlewares: [validateQuery(ListQuery)] },
  { method: ["POST"], matcher: "/host/sessions", middlewares: [validateBody(HostCreateSession)] },
  { method: ["POST"], matcher: "/host/sessions/:id", middlewares: [validateBody(HostUpdateSession)] },
  { method: ["POST"], matcher: "/host/sessions/:id/lineup", middlewares: [validateBody(HostAddLineupItem)] },
  { method: ["POST"], matcher: "/host/sessions/:id/lineup/:item_id", middlewares: [validateBody(HostUpdateLineupItem)] },
  { method: ["POST"], matcher: "/host/sessions/:id/go-live", middlewares: [empty] },
  { method: ["POST"], matcher: "/host/sessions/:id/end", middlewares: [empty] },
  { method: ["POST"], matcher: "/host/sessions/:id/pin", middlewares: [validateBody(HostPin)] },
  { method: ["POST"], matcher: "/host/sessions/:id/unpin", middlewares: [empty] },
]

export default defineMiddlewares({ routes: livestreamMiddlewares })
