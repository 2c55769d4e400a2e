import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { publicInvitation } from "../../lib/organization-view"
import { organizations } from "../../lib/organization-service"

export interface MarkInvitationAcceptedStepInput {
  invitation_id: string
  customer_id: string
}

/** Uses the invitation up (accepted now, by this customer). Undone by making it pending again. */
export const markInvitationAcceptedStep = createStep(
  "organization-mark-invitation-accepted",
  async (input: MarkInvitationAcceptedStepInput, { container }) => {
    const invitation = await organizations(container).updateOrganizationInvitations({
      id: input.invitation_id,
      accepted_at: new Date(),
      accepted_by: input.customer_id,
    })
    return new StepResponse(publicInvitation(invitation), input.invitation_id)
  },
  async (invitationId, { container }) => {
    if (invitationId) await organizations(container).updateOrganizationInvitations({ id: invitationId, accepted_at: null, accepted_by: null })
  }
)
