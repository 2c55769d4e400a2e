import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withConflictMessage } from "@gongwucang/platform/http"
import { memberView } from "../../../../lib/members-query"
import { publicOrganization } from "../../../../lib/organization-view"
import { acceptOrganizationInvitationWorkflow } from "../../../../workflows/accept-organization-invitation"
import { organizations } from "../../../../lib/organization-service"
import type { StoreAcceptOrganizationInvitationType } from "../validators"

/**
 * POST /store/organization-invitations/accept `{ token }` — the signed-in customer whose email was
 * invited joins the organisation with the invited role. 400 for an unknown or expired token, 403
 * when the invitation is for another email, 409 when it was used or the customer already belongs
 * to an organisation. Answers `{ organization, member, invitation }`.
 */
export const POST = withConflictMessage(async (req: AuthenticatedMedusaRequest<StoreAcceptOrganizationInvitationType>, res: MedusaResponse) => {
  const { result } = await acceptOrganizationInvitationWorkflow(req.scope).run({
    input: { token: req.validatedBody.token, customer_id: req.auth_context.actor_id },
  })
  const organization = await organizations(req.scope).retrieveOrganization(result.member.organization_id)
  res.json({
    organization: publicOrganization(organization),
    member: await memberView(req.scope, organization.id, result.member.id),
    invitation: result.invitation,
  })
})
