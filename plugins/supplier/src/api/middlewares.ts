import {
  authenticate,
  defineMiddlewares,
  validateAndTransformBody,
  validateAndTransformQuery,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
} from "@medusajs/framework/http"
import { listingMiddlewares } from "../lib/listing-middlewares"
import { loadSupplierContext } from "../lib/supplier-context"
import { supplierMemberMiddlewares } from "./supplier/members/middlewares"
import { supplierOrderMiddlewares } from "./supplier/orders/middlewares"
import { AdminListSuppliers, AdminSupplierDecision, SupplierRegistration } from "./validators"

const registrationAuth = authenticate("supplier", ["bearer", "session"], { allowUnregistered: true })
const memberAuth = authenticate("supplier", ["bearer", "session"])

const UNREGISTERED_PATHS = new Set(["/supplier/registration", "/supplier/invitations/accept"])

/**
 * Every /supplier/* route needs a signed-in supplier member, except registration and accepting
 * an invitation, which are reached with a fresh identity that has no supplier yet.
 */
function supplierAuth(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  // Matched on the full URL: inside a mounted middleware `req.path` is relative to the mount.
  if (UNREGISTERED_PATHS.has(req.originalUrl.split("?")[0].replace(/\/$/, ""))) return registrationAuth(req, res, next)
  return memberAuth(req, res, (error?: unknown) => (error ? next(error) : loadSupplierContext(req as any, res, next)))
}

export default defineMiddlewares({
  routes: [
    { matcher: "/supplier*", middlewares: [supplierAuth] },
    { matcher: "/supplier/registration", method: ["POST"], middlewares: [validateAndTransformBody(SupplierRegistration)] },
    { matcher: "/admin/suppliers", method: ["GET"], middlewares: [validateAndTransformQuery(AdminListSuppliers, {})] },
    { matcher: "/admin/suppliers/:id/decision", method: ["POST"], middlewares: [validateAndTransformBody(AdminSupplierDecision)] },
    ...supplierOrderMiddlewares,
    ...supplierMemberMiddlewares,
    ...listingMiddlewares,
  ],
})
