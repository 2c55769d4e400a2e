import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { hashInvitationToken } from "../../lib/invitation-token"
import { ORGANIZATION_MESSAGES } from "../../lib/messages"
import { invitationStatus, sameEmail, type MemberRole } from "../../lib/organization-rules"
import { organizations } from "../../lib/organization-service"

export interface ValidateInvitationAcceptanceStepInput {
  token: string
  customer_id: string
}

export interface AcceptableInvitation {
  invitation_id: string
  organization_id: string
  role: MemberRole
}

/**
 * Whether this signed-in customer may accept with this token: a known token (else 400), not
 * used (409) nor expired (400), sent to this customer's email (403), and the customer in no
 * organisation yet (409). Read-only, so nothing to undo.
 */
export const validateInvitationAcceptanceStep = createStep(
  "organization-validate-invitation-acceptance",
  async (input: ValidateInvitationAcceptanceStepInput, { container }) => {
    const service = organizations(container)
    const [invitation] = await service.listOrganizationInvitations({ token_hash: hashInvitationToken(input.token) }, { take: 1 })
    if (!invitation) throw new MedusaError(MedusaError.Types.INVALID_DATA, ORGANIZATION_MESSAGES.invitation_unknown)
    const status = invitationStatus(invitation)
    if (status === "accepted") throw new MedusaError(MedusaError.Types.CONFLICT, ORGANIZATION_MESSAGES.invitation_used)
    if (status === "expired") throw new MedusaError(MedusaError.Types.INVALID_DATA, ORGANIZATION_MESSAGES.invitation_expired)

    const customer = await container.resolve(Modules.CUSTOMER).retrieveCustomer(input.customer_id, { select: ["id", "email"] })
    if (!sameEmail(customer.email, invitation.email)) throw new MedusaError(MedusaError.Types.FORBIDDEN, ORGANIZATION_MESSAGES.invitation_other_email)

    const [member] = await service.listOrganizationMembers({ customer_id: input.customer_id }, { select: ["id"], take: 1 })
    if (member) throw new MedusaError(MedusaError.Types.CONFLICT, ORGANIZATION_MESSAGES.already_member)

    const acceptable: AcceptableInvitation = {
      invitation_id: invitation.id,
      organization_id: invitation.organization_id,
      role: invitation.role as MemberRole,
    }
    return new StepResponse(acceptable)
  }
)
