import { Modules } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, createRemoteLinkStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import type { OrganizationType } from "../lib/organization-rules"
import { ORGANIZATION_MODULE } from "../modules/organization"
import { LOCK_TIMEOUT, LOCK_TTL, membershipLock } from "./locks"
import { MEMBER_AUDIT_FIELDS, ORGANIZATION_AUDIT_FIELDS } from "../lib/audit-fields"
import { pickFields } from "../lib/audit"
import { recordAuditStep } from "./steps/record-audit"
import { createOrganizationMemberStep } from "./steps/create-organization-member"
import { createOrganizationStep } from "./steps/create-organization"
import { validateNewOrganizationStep } from "./steps/validate-new-organization"

export interface CreateOrganizationWorkflowInput {
  /** The signed-in customer, who becomes the organisation's first admin. */
  customer_id: string
  name: string
  type: OrganizationType
  /** Normalised and checked; null for a private person. */
  credit_code: string | null
  annual_budget: number | null
  budget_year: number | null
}

/**
 * 登记采购单位: a customer registers their organisation and becomes its admin. Locked per
 * customer → validate (in no organisation, credit code free) → organisation → admin member →
 * member ↔ customer link. A failure deletes what was made (each step's compensation).
 */
export const createOrganizationWorkflow = createWorkflow("procurement-create-organization", (input: CreateOrganizationWorkflowInput) => {
  acquireLockStep(transform({ input }, ({ input }) => ({ key: membershipLock(input.customer_id), timeout: LOCK_TIMEOUT, ttl: LOCK_TTL })))
  validateNewOrganizationStep(transform({ input }, ({ input }) => ({ customer_id: input.customer_id, credit_code: input.credit_code })))
  const organization = createOrganizationStep(
    transform({ input }, ({ input }) => ({
      name: input.name,
      type: input.type,
      credit_code: input.credit_code,
      annual_budget: input.annual_budget,
      budget_year: input.budget_year,
    }))
  )
  const member = createOrganizationMemberStep(
    transform({ input, organization }, ({ input, organization }) => ({
      organization_id: organization.id,
      customer_id: input.customer_id,
      role: "admin" as const,
    }))
  )
  createRemoteLinkStep(
    transform({ member }, ({ member }) => [
      { [ORGANIZATION_MODULE]: { organization_member_id: member.id }, [Modules.CUSTOMER]: { customer_id: member.customer_id } },
    ])
  )
  recordAuditStep(
    transform({ input, organization, member }, ({ input, organization, member }) => ({
      entries: [
        {
          actor_type: "customer" as const,
          actor_id: input.customer_id,
          organization_id: organization.id,
          entity_type: "organization",
          entity_id: organization.id,
          action: "organization.created",
          before: null,
          after: pickFields(organization as unknown as Record<string, unknown>, ORGANIZATION_AUDIT_FIELDS),
        },
        {
          actor_type: "customer" as const,
          actor_id: input.customer_id,
          organization_id: organization.id,
          entity_type: "organization_member",
          entity_id: member.id,
          action: "member.joined",
          before: null,
          after: pickFields(member as unknown as Record<string, unknown>, MEMBER_AUDIT_FIELDS),
        },
      ],
    }))
  )
  releaseLockStep(transform({ input }, ({ input }) => ({ key: membershipLock(input.customer_id) })))
  return new WorkflowResponse({ organization, member })
})
