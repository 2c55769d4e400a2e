import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import type { MemberRole, SpendingLimitsPatch } from "../lib/organization-rules"
import { LOCK_TIMEOUT, LOCK_TTL, membersLock } from "./locks"
import { updateOrganizationMemberStep } from "./steps/update-organization-member"

export interface UpdateOrganizationMemberWorkflowInput {
  /** The caller's organisation: the member must belong to it. */
  organization_id: string
  member_id: string
  role?: MemberRole
  limits: SpendingLimitsPatch
}

/**
 * An admin changes a member's role or spending limits (设置角色与限额). Locked per organisation
 * so two admins stepping each other down cannot leave it without an admin.
 */
export const updateOrganizationMemberWorkflow = createWorkflow(
  "procurement-update-organization-member",
  (input: UpdateOrganizationMemberWorkflowInput) => {
    acquireLockStep(transform({ input }, ({ input }) => ({ key: membersLock(input.organization_id), timeout: LOCK_TIMEOUT, ttl: LOCK_TTL })))
    const member = updateOrganizationMemberStep(input)
    releaseLockStep(transform({ input }, ({ input }) => ({ key: membersLock(input.organization_id) })))
    return new WorkflowResponse(member)
  }
)
