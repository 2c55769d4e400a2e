import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { validateQuery } from "@gongwucang/platform/http"
import { loadSupervisor, supervisionReadOnly } from "../../lib/supervisor-context"
import { AuditLogQuery } from "../admin/procurement/validators"
import { SupervisorApprovalsQuery, SupervisorChoicesQuery, SupervisorComparisonsQuery, SupervisorEmptyQuery, SupervisorOrdersQuery } from "./validators"

/**
 * /supervisor/*: GET only (405 otherwise), a signed-in supervisor (auth actor `supervisor`, bearer
 * or session; customers', suppliers', operators' tokens are another actor and get a 401), and
 * every query validated.
 */
export const supervisorMiddlewares: MiddlewareRoute[] = [
  { matcher: "/supervisor*", middlewares: [supervisionReadOnly, authenticate("supervisor", ["bearer", "session"]), loadSupervisor] },
  { method: ["GET"], matcher: "/supervisor/me", middlewares: [validateQuery(SupervisorEmptyQuery)] },
  { method: ["GET"], matcher: "/supervisor/orders", middlewares: [validateQuery(SupervisorOrdersQuery)] },
  { method: ["GET"], matcher: "/supervisor/orders.csv", middlewares: [validateQuery(SupervisorOrdersQuery)] },
  { method: ["GET"], matcher: "/supervisor/comparisons", middlewares: [validateQuery(SupervisorComparisonsQuery)] },
  { method: ["GET"], matcher: "/supervisor/comparisons.csv", middlewares: [validateQuery(SupervisorComparisonsQuery)] },
  { method: ["GET"], matcher: "/supervisor/approvals", middlewares: [validateQuery(SupervisorApprovalsQuery)] },
  { method: ["GET"], matcher: "/supervisor/approvals.csv", middlewares: [validateQuery(SupervisorApprovalsQuery)] },
  { method: ["GET"], matcher: "/supervisor/audit-log", middlewares: [validateQuery(AuditLogQuery)] },
  { method: ["GET"], matcher: "/supervisor/audit-log.csv", middlewares: [validateQuery(AuditLogQuery)] },
  { method: ["GET"], matcher: "/supervisor/organizations", middlewares: [validateQuery(SupervisorChoicesQuery)] },
  { method: ["GET"], matcher: "/supervisor/suppliers", middlewares: [validateQuery(SupervisorChoicesQuery)] },
  { method: ["GET"], matcher: "/supervisor/categories", middlewares: [validateQuery(SupervisorEmptyQuery)] },
]
