import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORGANIZATION_MESSAGES } from "../../lib/messages"
import { organizations } from "../../lib/organization-service"

export interface ValidateNewOrganizationStepInput {
  customer_id: string
  credit_code: string | null
}

/**
 * Before an organisation is created: its creator belongs to none yet, and no other organisation
 * has its credit code (both 409). Read-only, so nothing to undo; the unique indexes catch a race
 * between this check and the inserts.
 */
export const validateNewOrganizationStep = createStep(
  "organization-validate-new",
  async (input: ValidateNewOrganizationStepInput, { container }) => {
    const service = organizations(container)
    const [member] = await service.listOrganizationMembers({ customer_id: input.customer_id }, { select: ["id"], take: 1 })
    if (member) throw new MedusaError(MedusaError.Types.CONFLICT, ORGANIZATION_MESSAGES.already_member)
    if (input.credit_code) {
      const [same] = await service.listOrganizations({ credit_code: input.credit_code }, { select: ["id"], take: 1 })
      if (same) throw new MedusaError(MedusaError.Types.CONFLICT, ORGANIZATION_MESSAGES.credit_code_taken)
    }
    return new StepResponse(true)
  }
)
