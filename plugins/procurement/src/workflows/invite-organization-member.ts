import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { MemberRole } from "../lib/organization-rules"
import { INVITATION_AUDIT_FIELDS } from "../lib/audit-fields"
import { pickFields } from "../lib/audit"
import { recordAuditStep } from "./steps/record-audit"
import { createOrganizationInvitationStep } from "./steps/create-organization-invitation"
import { notifyOrganizationInvitationStep } from "./steps/notify-organization-invitation"

export interface InviteOrganizationMemberWorkflowInput {
  organization_id: string
  /** The inviting admin's member id. */
  invited_by: string
  /** Trimmed and in lower case. */
  email: string
  role: MemberRole
  /** The inviting admin's customer id, for the audit log. */
  actor_customer_id: string
}

/**
 * 邀请成员: an admin invites someone by email with a role. The invitation (7 days, token stored
 * hashed) → the message to that email. Answers the token once, for the admin to pass on.
 */
export const inviteOrganizationMemberWorkflow = createWorkflow(
  "procurement-invite-organization-member",
  (input: InviteOrganizationMemberWorkflowInput) => {
    const created = createOrganizationInvitationStep(input)
    recordAuditStep(
      transform({ input, created }, ({ input, created }) => ({
        entries: [
          {
            actor_type: "customer" as const,
            actor_id: input.actor_customer_id,
            organization_id: input.organization_id,
            entity_type: "organization_invitation",
            entity_id: String(created.invitation.id),
            action: "invitation.created",
            before: null,
            after: pickFields(created.invitation as unknown as Record<string, unknown>, INVITATION_AUDIT_FIELDS),
          },
        ],
      }))
    )
    notifyOrganizationInvitationStep(
      transform({ input, created }, ({ input, created }) => ({ organization_id: input.organization_id, invitation: created.invitation, token: created.token }))
    )
    return new WorkflowResponse(created)
  }
)
