import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORGANIZATION_MESSAGES } from "../../lib/messages"
import type { MemberRole } from "../../lib/organization-rules"
import { organizations } from "../../lib/organization-service"

export interface CreateOrganizationMemberStepInput {
  organization_id: string
  customer_id: string
  role: MemberRole
}

/**
 * Makes the customer a member, without spending limits. `customer_id` is unique, so a customer
 * who joined another organisation meanwhile ends here as a 409. Undone by deleting the member.
 */
export const createOrganizationMemberStep = createStep(
  "organization-create-member",
  async (input: CreateOrganizationMemberStepInput, { container }) => {
    const service = organizations(container)
    try {
      const member = await service.createOrganizationMembers({
        organization_id: input.organization_id,
        customer_id: input.customer_id,
        role: input.role,
        limit_per_order: null,
        limit_per_period: null,
        limit_period: null,
      })
      return new StepResponse(member, member.id)
    } catch (error) {
      const [existing] = await service.listOrganizationMembers({ customer_id: input.customer_id }, { select: ["id"], take: 1 })
      if (existing) throw new MedusaError(MedusaError.Types.CONFLICT, ORGANIZATION_MESSAGES.already_member)
      throw error
    }
  },
  async (memberId, { container }) => {
    if (memberId) await organizations(container).deleteOrganizationMembers(memberId)
  }
)
