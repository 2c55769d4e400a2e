import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { COMPARISON_MESSAGES } from "../lib/comparison-messages"
import { agencies } from "../lib/comparison-service"
import { recordAuditStep } from "./steps/record-audit"

/** Inserts the agency (active); a credit code taken is a 409. Undone by deleting it. */
const createAgencyStep = createStep(
  "procurement-agency-create",
  async (input: { name: string; credit_code: string | null }, { container }) => {
    const service = agencies(container)
    if (input.credit_code) {
      const [same] = await service.listAgencies({ credit_code: input.credit_code }, { take: 1 })
      if (same) throw new MedusaError(MedusaError.Types.CONFLICT, COMPARISON_MESSAGES.agency_credit_code_taken)
    }
    const agency = await service.createAgencies({ name: input.name, credit_code: input.credit_code, status: "active" })
    return new StepResponse(agency, agency.id)
  },
  async (id, { container }) => {
    if (id) await agencies(container).deleteAgencies(id)
  }
)

export interface AgencyUserInput {
  agency_id: string
  email: string
  name: string | null
  password: string
}

/**
 * An agency user and their login: an emailpass identity whose `app_metadata.agency_id` names the
 * user, so `/auth/agency/emailpass` signs them in as the `agency` actor. An email with an account
 * already (of any kind) is a 409. Undone by deleting both.
 */
const createAgencyUserStep = createStep(
  "procurement-agency-user-create",
  async (input: AgencyUserInput, { container }) => {
    const service = agencies(container)
    const email = input.email.trim().toLowerCase()
    const [same] = await service.listAgencyUsers({ email }, { take: 1 })
    if (same) throw new MedusaError(MedusaError.Types.CONFLICT, COMPARISON_MESSAGES.agency_email_taken)
    const auth = container.resolve(Modules.AUTH)
    const [identity] = await auth.listProviderIdentities({ entity_id: email, provider: "emailpass" })
    if (identity) throw new MedusaError(MedusaError.Types.CONFLICT, COMPARISON_MESSAGES.agency_email_taken)
    const user = await service.createAgencyUsers({ agency_id: input.agency_id, email, name: input.name })
    const registered = await auth.register("emailpass", { body: { email, password: input.password } } as any)
    if (!registered.success || !registered.authIdentity) {
      await service.deleteAgencyUsers(user.id)
      throw new MedusaError(MedusaError.Types.CONFLICT, `${COMPARISON_MESSAGES.agency_email_taken} (${registered.error ?? ""})`)
    }
    await auth.updateAuthIdentities({ id: registered.authIdentity.id, app_metadata: { ...(registered.authIdentity.app_metadata ?? {}), agency_id: user.id } })
    return new StepResponse(user, { user_id: user.id, auth_identity_id: registered.authIdentity.id })
  },
  async (undo, { container }) => {
    if (!undo) return
    await container.resolve(Modules.AUTH).deleteAuthIdentities([undo.auth_identity_id])
    await agencies(container).deleteAgencyUsers(undo.user_id)
  }
)

export interface CreateAgencyWorkflowInput {
  /** The operator (admin user). */
  actor_id: string
  name: string
  credit_code: string | null
  user: { email: string; name: string | null; password: string }
}

/** 登记招标代理机构 (operator): the agency and its first user with a login. */
export const createAgencyWorkflow = createWorkflow("procurement-create-agency", (input: CreateAgencyWorkflowInput) => {
  const agency = createAgencyStep(transform({ input }, ({ input }) => ({ name: input.name, credit_code: input.credit_code })))
  const user = createAgencyUserStep(transform({ input, agency }, ({ input, agency }) => ({ agency_id: agency.id, ...input.user })))
  recordAuditStep(
    transform({ input, agency, user }, ({ input, agency, user }) => ({
      entries: [
        { actor_type: "user" as const, actor_id: input.actor_id, entity_type: "agency", entity_id: agency.id, action: "agency.created", before: null, after: { name: agency.name, credit_code: agency.credit_code, status: agency.status } },
        { actor_type: "user" as const, actor_id: input.actor_id, entity_type: "agency_user", entity_id: user.id, action: "agency_user.created", before: null, after: { agency_id: agency.id, email: user.email, name: user.name } },
      ],
    }))
  )
  return new WorkflowResponse({ agency, user })
})

/** Another user for an existing agency (operator). */
export const createAgencyUserWorkflow = createWorkflow("procurement-create-agency-user", (input: AgencyUserInput & { actor_id: string }) => {
  const user = createAgencyUserStep(transform({ input }, ({ input }) => ({ agency_id: input.agency_id, email: input.email, name: input.name, password: input.password })))
  recordAuditStep(
    transform({ input, user }, ({ input, user }) => ({
      entries: [
        { actor_type: "user" as const, actor_id: input.actor_id, entity_type: "agency_user", entity_id: user.id, action: "agency_user.created", before: null, after: { agency_id: input.agency_id, email: user.email, name: user.name } },
      ],
    }))
  )
  return new WorkflowResponse(user)
})
