import { Modules } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, createRemoteLinkStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { hashInvitationToken } from "../lib/invitation-token"
import { ORGANIZATION_MODULE } from "../modules/organization"
import { invitationLock, LOCK_TIMEOUT, LOCK_TTL, membershipLock } from "./locks"
import { createOrganizationMemberStep } from "./steps/create-organization-member"
import { INVITATION_AUDIT_FIELDS, MEMBER_AUDIT_FIELDS } from "../lib/audit-fields"
import { pickFields } from "../lib/audit"
import { recordAuditStep } from "./steps/record-audit"
import { markInvitationAcceptedStep } from "./steps/mark-invitation-accepted"
import { validateInvitationAcceptanceStep } from "./steps/validate-invitation-acceptance"

export interface AcceptOrganizationInvitationWorkflowInput {
  token: string
  /** The signed-in customer accepting. */
  customer_id: string
}

/**
 * 接受邀请: the signed-in customer whose email was invited joins with the invited role. Locked
 * per customer and per token → validate → member → member ↔ customer link → invitation used up.
 */
export const acceptOrganizationInvitationWorkflow = createWorkflow(
  "procurement-accept-organization-invitation",
  (input: AcceptOrganizationInvitationWorkflowInput) => {
    const keys = transform({ input }, ({ input }) => [membershipLock(input.customer_id), invitationLock(hashInvitationToken(input.token))])
    acquireLockStep(transform({ keys }, ({ keys }) => ({ key: keys, timeout: LOCK_TIMEOUT, ttl: LOCK_TTL })))
    const invitation = validateInvitationAcceptanceStep(input)
    const member = createOrganizationMemberStep(
      transform({ input, invitation }, ({ input, invitation }) => ({
        organization_id: invitation.organization_id,
        customer_id: input.customer_id,
        role: invitation.role,
      }))
    )
    createRemoteLinkStep(
      transform({ member }, ({ member }) => [
        { [ORGANIZATION_MODULE]: { organization_member_id: member.id }, [Modules.CUSTOMER]: { customer_id: member.customer_id } },
      ])
    )
    const accepted = markInvitationAcceptedStep(
      transform({ input, invitation }, ({ input, invitation }) => ({ invitation_id: invitation.invitation_id, customer_id: input.customer_id }))
    )
    recordAuditStep(
      transform({ input, invitation, member, accepted }, ({ input, invitation, member, accepted }) => ({
        entries: [
          {
            actor_type: "customer" as const,
            actor_id: input.customer_id,
            organization_id: invitation.organization_id,
            entity_type: "organization_invitation",
            entity_id: invitation.invitation_id,
            action: "invitation.accepted",
            before: { accepted_at: null },
            after: pickFields(accepted as unknown as Record<string, unknown>, INVITATION_AUDIT_FIELDS),
          },
          {
            actor_type: "customer" as const,
            actor_id: input.customer_id,
            organization_id: invitation.organization_id,
            entity_type: "organization_member",
            entity_id: member.id,
            action: "member.joined",
            before: null,
            after: pickFields(member as unknown as Record<string, unknown>, MEMBER_AUDIT_FIELDS),
          },
        ],
      }))
    )
    releaseLockStep(transform({ keys }, ({ keys }) => ({ key: keys })))
    return new WorkflowResponse({ member, invitation: accepted })
  }
)
