import { authenticate, type MedusaNextFunction, type MedusaResponse, type AuthenticatedMedusaRequest, type MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "@gongwucang/platform/http"
import { MedusaError } from "@medusajs/framework/utils"
import { mayDecideApprovals } from "../../lib/approval-rules"
import { APPROVAL_MESSAGES } from "../../lib/messages"
import { loadOrganizationContext, organizationOf } from "../../lib/organization-context"
import {
  StoreApproveApprovalRequest,
  StoreCreateApprovalRequest,
  StoreListApprovals,
  StoreListOrganizationOrders,
  StoreNoQuery,
  StoreRejectApprovalRequest,
} from "./approvals-validators"

const customer = authenticate("customer", ["session", "bearer"])
const member = [customer, loadOrganizationContext]

/** Approvers and admins decide; a purchaser gets a 403 before the body is read. */
function requireApprover(req: AuthenticatedMedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  if (!mayDecideApprovals(organizationOf(req).member.role)) return next(new MedusaError(MedusaError.Types.FORBIDDEN, APPROVAL_MESSAGES.approver_only))
  next()
}

export const storeApprovalMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/store/organizations/me/spending", middlewares: [...member, validateQuery(StoreNoQuery)] },
  { method: ["GET"], matcher: "/store/carts/:id/approval", middlewares: [customer, validateQuery(StoreNoQuery)] },
  { method: ["POST"], matcher: "/store/carts/:id/approval-requests", middlewares: [...member, validateBody(StoreCreateApprovalRequest)] },
  { method: ["GET"], matcher: "/store/organizations/me/approvals", middlewares: [...member, validateQuery(StoreListApprovals)] },
  { method: ["GET"], matcher: "/store/organizations/me/approvals/:id", middlewares: [...member, validateQuery(StoreNoQuery)] },
  { method: ["POST"], matcher: "/store/organizations/me/approvals/:id/approve", middlewares: [...member, requireApprover, validateBody(StoreApproveApprovalRequest)] },
  { method: ["POST"], matcher: "/store/organizations/me/approvals/:id/reject", middlewares: [...member, requireApprover, validateBody(StoreRejectApprovalRequest)] },
  { method: ["GET"], matcher: "/store/organizations/me/orders", middlewares: [...member, validateQuery(StoreListOrganizationOrders)] },
]
