import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withConflictMessage } from "@gongwucang/platform/http"
import { invitationAcceptPath } from "../../../../../lib/invitation-token"
import { organizationOf } from "../../../../../lib/organization-context"
import { organizations } from "../../../../../lib/organization-service"
import { publicInvitation } from "../../../../../lib/organization-view"
import { inviteOrganizationMemberWorkflow } from "../../../../../workflows/invite-organization-member"
import type { StoreInviteOrganizationMemberType, StoreListQueryType } from "../../validators"

/**
 * POST /store/organizations/me/invitations `{ email, role? }` — an admin invites someone to join
 * (role purchaser unless given). The invitation is sent to that email, and the token is answered
 * here once, for the admin to pass on as a link: 201 `{ invitation, token, accept_path }`. 409 when
 * that email's account is already a member or has a pending invitation.
 */
export const POST = withConflictMessage(async (req: AuthenticatedMedusaRequest<StoreInviteOrganizationMemberType>, res: MedusaResponse) => {
  const { organization, member } = organizationOf(req)
  const { result } = await inviteOrganizationMemberWorkflow(req.scope).run({
    input: { organization_id: organization.id, invited_by: member.id, email: req.validatedBody.email, role: req.validatedBody.role, actor_customer_id: req.auth_context.actor_id },
  })
  res.status(201).json({ invitation: result.invitation, token: result.token, accept_path: invitationAcceptPath(result.token) })
})

/** GET /store/organizations/me/invitations — an admin's list of invitations not yet accepted (pending or expired), newest first. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, StoreListQueryType>, res: MedusaResponse) {
  const { organization } = organizationOf(req)
  const { limit, offset } = req.validatedQuery
  const [invitations, count] = await organizations(req.scope).listAndCountOrganizationInvitations(
    { organization_id: organization.id, accepted_at: null },
    { order: { created_at: "DESC" }, skip: offset, take: limit }
  )
  res.json({ invitations: invitations.map((invitation) => publicInvitation(invitation)), count, limit, offset })
}
