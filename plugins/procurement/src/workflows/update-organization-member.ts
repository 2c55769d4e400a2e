import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { MEMBER_AUDIT_FIELDS } from "../lib/audit-fields"
import { pickFields } from "../lib/audit"
import type { MemberRole, SpendingLimitsPatch } from "../lib/organization-rules"
import { LOCK_TIMEOUT, LOCK_TTL, membersLock } from "./locks"
import { recordAuditStep } from "./steps/record-audit"
import { updateOrganizationMemberStep } from "./steps/update-organization-member"

export interface UpdateOrganizationMemberWorkflowInput {
  /** The caller's organisation: the member must belong to it. */
  organization_id: string
  member_id: string
  role?: MemberRole
  limits: SpendingLimitsPatch
  /** The admin making the change (customer id), for the audit log. */
  actor_customer_id: string
}

/**
 * An admin changes a member's role or spending limits (设置角色与限额). Locked per organisation
 * so two admins stepping each other down cannot leave it without an admin.
 */
export const updateOrganizationMemberWorkflow = createWorkflow(
  "procurement-update-organization-member",
  (input: UpdateOrganizationMemberWorkflowInput) => {
    acquireLockStep(transform({ input }, ({ input }) => ({ key: membersLock(input.organization_id), timeout: LOCK_TIMEOUT, ttl: LOCK_TTL })))
    const changed = updateOrganizationMemberStep(input)
    recordAuditStep(
      transform({ input, changed }, ({ input, changed }) => ({
        entries: [
          {
            actor_type: "customer" as const,
            actor_id: input.actor_customer_id,
            organization_id: input.organization_id,
            entity_type: "organization_member",
            entity_id: input.member_id,
            action: "member.updated",
            before: { ...changed.previous },
            after: pickFields(changed.member as unknown as Record<string, unknown>, MEMBER_AUDIT_FIELDS),
          },
        ],
      }))
    )
    const member = transform({ changed }, ({ changed }) => changed.member)
    releaseLockStep(transform({ input }, ({ input }) => ({ key: membersLock(input.organization_id) })))
    return new WorkflowResponse(member)
  }
)
