import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ORGANIZATION_MESSAGES } from "./messages"
import { organizations } from "./organization-service"
import type { MemberRole, OrganizationStatus, OrganizationType } from "./organization-rules"
import type { MemberRecord, OrganizationRecord } from "./organization-view"

export interface OrganizationContext {
  member: MemberRecord & { role: MemberRole; organization_id: string }
  organization: OrganizationRecord & { type: OrganizationType; status: OrganizationStatus }
}

type OrganizationRequest = AuthenticatedMedusaRequest & { organizationContext?: OrganizationContext }

/**
 * Resolves the signed-in customer's membership once per request. Every `/store/organizations/me*`
 * route takes the organisation from here, never from the URL or body: that is the tenant wall.
 * A customer in no organisation gets a 404.
 */
export async function loadOrganizationContext(req: AuthenticatedMedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const customerId = req.auth_context?.actor_id
  if (!customerId) return next(new MedusaError(MedusaError.Types.UNAUTHORIZED, "Unauthorized"))
  const [member] = await organizations(req.scope).listOrganizationMembers({ customer_id: customerId }, { relations: ["organization"], take: 1 })
  if (!member?.organization) return next(new MedusaError(MedusaError.Types.NOT_FOUND, ORGANIZATION_MESSAGES.not_a_member))
  const { organization, ...rest } = member
  ;(req as OrganizationRequest).organizationContext = {
    member: { ...rest, organization_id: organization.id } as OrganizationContext["member"],
    organization: organization as OrganizationContext["organization"],
  }
  next()
}

/** Members, limits and invitations are managed by the organisation's admins; others get a 403. */
export function requireOrganizationAdmin(req: AuthenticatedMedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  if ((req as OrganizationRequest).organizationContext?.member.role !== "admin") {
    return next(new MedusaError(MedusaError.Types.FORBIDDEN, ORGANIZATION_MESSAGES.admin_only))
  }
  next()
}

export function organizationOf(req: AuthenticatedMedusaRequest): OrganizationContext {
  const context = (req as OrganizationRequest).organizationContext
  if (!context) throw new MedusaError(MedusaError.Types.NOT_FOUND, ORGANIZATION_MESSAGES.not_a_member)
  return context
}
