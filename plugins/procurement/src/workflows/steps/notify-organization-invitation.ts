import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { invitationAcceptPath } from "../../lib/invitation-token"
import type { PublicInvitation } from "../../lib/organization-view"
import { organizations } from "../../lib/organization-service"

export interface NotifyOrganizationInvitationStepInput {
  organization_id: string
  invitation: PublicInvitation
  token: string
}

/**
 * Sends the invitation to the invitee's email (the "feed" channel; an email provider takes it
 * over in production). The last step of its workflow: a sent message cannot be taken back, and
 * nothing after it can fail, so it has no compensation.
 */
export const notifyOrganizationInvitationStep = createStep(
  "organization-notify-invitation",
  async (input: NotifyOrganizationInvitationStepInput, { container }) => {
    const organization = await organizations(container).retrieveOrganization(input.organization_id, { select: ["id", "name"] })
    const [notification] = await container.resolve(Modules.NOTIFICATION).createNotifications([
      {
        to: input.invitation.email,
        channel: "feed",
        template: "organization-invitation",
        data: {
          organization_id: organization.id,
          organization_name: organization.name,
          role: input.invitation.role,
          expires_at: input.invitation.expires_at,
          token: input.token,
          accept_path: invitationAcceptPath(input.token),
        },
        resource_id: input.invitation.id,
        resource_type: "organization_invitation",
      },
    ])
    return new StepResponse(notification?.id ?? null)
  }
)
