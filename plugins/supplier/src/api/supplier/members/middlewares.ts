import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { supplierOf } from "../../../lib/supplier-context"
import { SupplierAcceptInvitation, SupplierInvite } from "./validators"

/** Team management is for the supplier's owners (负责人); staff get a 403. */
export function requireSupplierOwner(req: AuthenticatedMedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  if (supplierOf(req).member.role !== "owner") {
    return next(new MedusaError(MedusaError.Types.FORBIDDEN, "只有负责人可以管理成员 / Only owners can manage members"))
  }
  next()
}

// Authentication and the supplier context come from the `/supplier*` middleware in ../../middlewares.ts;
// `/supplier/invitations/accept` is reached with a fresh login that has no member yet.
export const supplierMemberMiddlewares: MiddlewareRoute[] = [
  { matcher: "/supplier/members", method: ["GET"], middlewares: [requireSupplierOwner] },
  { matcher: "/supplier/members/:id", method: ["DELETE"], middlewares: [requireSupplierOwner] },
  { matcher: "/supplier/invitations", method: ["POST"], middlewares: [requireSupplierOwner, validateAndTransformBody(SupplierInvite)] },
  { matcher: "/supplier/invitations/accept", method: ["POST"], middlewares: [validateAndTransformBody(SupplierAcceptInvitation)] },
  { matcher: "/supplier/invitations/:id", method: ["DELETE"], middlewares: [requireSupplierOwner] },
]
