import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody, validateQuery } from "@gongwucang/platform/http"
import { loadOrganizationContext, requireOrganizationAdmin } from "../../../lib/organization-context"
import { StoreAcceptOrganizationInvitation } from "../organization-invitations/validators"
import { StoreCreateOrganization, StoreInviteOrganizationMember, StoreListQuery, StoreUpdateOrganizationMember } from "./validators"

const customer = authenticate("customer", ["session", "bearer"])
/** A signed-in customer and their organisation (404 without one). */
const member = [customer, loadOrganizationContext]
/** …who is an admin of it (403 otherwise), checked before the body so a non-admin learns nothing more. */
const admin = [...member, requireOrganizationAdmin]

export const storeOrganizationMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/store/organizations", middlewares: [customer, validateBody(StoreCreateOrganization)] },
  { method: ["GET"], matcher: "/store/organizations/me", middlewares: member },
  { method: ["GET"], matcher: "/store/organizations/me/members", middlewares: [...member, validateQuery(StoreListQuery)] },
  { method: ["POST"], matcher: "/store/organizations/me/members/:id", middlewares: [...admin, validateBody(StoreUpdateOrganizationMember)] },
  { method: ["GET"], matcher: "/store/organizations/me/invitations", middlewares: [...admin, validateQuery(StoreListQuery)] },
  { method: ["POST"], matcher: "/store/organizations/me/invitations", middlewares: [...admin, validateBody(StoreInviteOrganizationMember)] },
  { method: ["POST"], matcher: "/store/organization-invitations/accept", middlewares: [customer, validateBody(StoreAcceptOrganizationInvitation)] },
]
