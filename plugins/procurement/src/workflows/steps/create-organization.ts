import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORGANIZATION_MESSAGES } from "../../lib/messages"
import type { OrganizationType } from "../../lib/organization-rules"
import { organizations } from "../../lib/organization-service"

export interface CreateOrganizationStepInput {
  name: string
  type: OrganizationType
  credit_code: string | null
  annual_budget: number | null
  budget_year: number | null
}

/** Inserts the organisation (active); a credit code taken meanwhile is a 409. Undone by deleting it. */
export const createOrganizationStep = createStep(
  "organization-create",
  async (input: CreateOrganizationStepInput, { container }) => {
    const service = organizations(container)
    try {
      const organization = await service.createOrganizations({ ...input, status: "active" })
      return new StepResponse(organization, organization.id)
    } catch (error) {
      if (input.credit_code) {
        const [same] = await service.listOrganizations({ credit_code: input.credit_code }, { select: ["id"], take: 1 })
        if (same) throw new MedusaError(MedusaError.Types.CONFLICT, ORGANIZATION_MESSAGES.credit_code_taken)
      }
      throw error
    }
  },
  async (organizationId, { container }) => {
    if (organizationId) await organizations(container).deleteOrganizations(organizationId)
  }
)
