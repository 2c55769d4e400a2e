import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORGANIZATION_MESSAGES } from "../../lib/messages"
import { leavesNoAdmin, mergeSpendingLimits, type MemberRole, type SpendingLimits, type SpendingLimitsPatch } from "../../lib/organization-rules"
import { amount } from "../../lib/organization-view"
import { organizations } from "../../lib/organization-service"

export interface UpdateOrganizationMemberStepInput {
  organization_id: string
  member_id: string
  role?: MemberRole
  limits: SpendingLimitsPatch
}

type Snapshot = { id: string; role: MemberRole } & SpendingLimits

/**
 * Changes a member's role and limits, within the caller's organisation only: a member of
 * another one is "not found" (404), never "forbidden", so ids reveal nothing. The limits are
 * checked as a whole after the change (400 naming the field); the last admin cannot step down
 * (409). Undone by writing the previous role and limits back.
 */
export const updateOrganizationMemberStep = createStep(
  "organization-update-member",
  async (input: UpdateOrganizationMemberStepInput, { container }) => {
    const service = organizations(container)
    const [member] = await service.listOrganizationMembers({ id: input.member_id, organization_id: input.organization_id }, { take: 1 })
    if (!member) throw new MedusaError(MedusaError.Types.NOT_FOUND, ORGANIZATION_MESSAGES.member_not_found(input.member_id))

    const previous: Snapshot = {
      id: member.id,
      role: member.role as MemberRole,
      limit_per_order: amount(member.limit_per_order),
      limit_per_period: amount(member.limit_per_period),
      limit_period: member.limit_period ?? null,
    }
    const limits = mergeSpendingLimits(previous, input.limits)
    if (!limits.ok) throw new MedusaError(MedusaError.Types.INVALID_DATA, `${limits.field}: ${limits.message}`)

    const role = input.role ?? previous.role
    if (role !== previous.role) {
      const admins = await service.listOrganizationMembers({ organization_id: input.organization_id, role: "admin" }, { select: ["id"] })
      if (leavesNoAdmin(admins.map((a) => a.id), member.id, role)) throw new MedusaError(MedusaError.Types.CONFLICT, ORGANIZATION_MESSAGES.last_admin)
    }

    const updated = await service.updateOrganizationMembers({ id: member.id, role, ...limits.value })
    return new StepResponse({ member: updated, previous }, previous)
  },
  async (previous, { container }) => {
    if (previous) await organizations(container).updateOrganizationMembers(previous)
  }
)
