import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "@gongwucang/platform/http"
import { loadAgencyContext } from "../../../lib/agency-context"
import { loadOrganizationContext } from "../../../lib/organization-context"
import {
  AdminCreateAgency,
  AdminCreateAgencyUser,
  AgencyConfirm,
  AgencyListComparisons,
  AgencyReturn,
  StoreCreateComparison,
  StoreListComparisons,
  StoreOrderComparison,
  StoreSubmitComparison,
  StoreUpdateComparison,
} from "./validators"

const customer = authenticate("customer", ["session", "bearer"])
/** A signed-in customer and their organisation (404 without one): comparisons belong to organisations. */
const member = [customer, loadOrganizationContext]
/** A signed-in agency user of an active agency. */
const agency = [authenticate("agency", ["session", "bearer"]), loadAgencyContext]
const empty = validateBody(AgencyConfirm)

/** Price comparisons (比价), tendering agencies (招标代理机构) and reports: store, agency and admin routes. */
export const comparisonMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/store/comparisons", middlewares: [...member, validateQuery(StoreListComparisons)] },
  { method: ["POST"], matcher: "/store/comparisons", middlewares: [...member, validateBody(StoreCreateComparison)] },
  { method: ["GET"], matcher: "/store/comparisons/:id", middlewares: member },
  { method: ["POST"], matcher: "/store/comparisons/:id", middlewares: [...member, validateBody(StoreUpdateComparison)] },
  { method: ["POST"], matcher: "/store/comparisons/:id/submit", middlewares: [...member, validateBody(StoreSubmitComparison)] },
  { method: ["GET"], matcher: "/store/comparisons/:id/report", middlewares: member },
  { method: ["POST"], matcher: "/store/comparisons/:id/order", middlewares: [...member, validateBody(StoreOrderComparison)] },
  // Public: the verification page sends the PDF itself as the body, read raw by the route.
  { method: ["POST"], matcher: "/store/reports/:serial/verify", bodyParser: false, middlewares: [] },
  { matcher: "/agency*", middlewares: agency },
  { method: ["GET"], matcher: "/agency/comparisons", middlewares: [validateQuery(AgencyListComparisons)] },
  { method: ["POST"], matcher: "/agency/comparisons/:id/claim", middlewares: [empty] },
  { method: ["POST"], matcher: "/agency/comparisons/:id/confirm", middlewares: [empty] },
  { method: ["POST"], matcher: "/agency/comparisons/:id/return", middlewares: [validateBody(AgencyReturn)] },
  { method: ["POST"], matcher: "/admin/agencies", middlewares: [validateBody(AdminCreateAgency)] },
  { method: ["POST"], matcher: "/admin/agencies/:id/users", middlewares: [validateBody(AdminCreateAgencyUser)] },
]
