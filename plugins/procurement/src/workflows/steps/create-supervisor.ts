import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SUPERVISION_MESSAGES } from "../../lib/messages"
import { supervisors } from "../../lib/supervision-service"

/**
 * Before a supervisor is made: no supervisor has the email, and no login (of any actor) uses it —
 * attaching the supervisor role to someone else's login would let whoever knows that password
 * read everything. Read-only; the unique index and the lock cover races.
 */
export const validateNewSupervisorStep = createStep("supervision-validate-new-supervisor", async (input: { email: string }, { container }) => {
  const [same] = await supervisors(container).listSupervisors({ email: input.email }, { select: ["id"], take: 1 })
  if (same) throw new MedusaError(MedusaError.Types.CONFLICT, SUPERVISION_MESSAGES.email_taken)
  const identities = await container.resolve(Modules.AUTH).listProviderIdentities({ entity_id: input.email, provider: "emailpass" })
  if (identities.length) throw new MedusaError(MedusaError.Types.CONFLICT, SUPERVISION_MESSAGES.login_taken)
  return new StepResponse(true)
})

export interface CreateSupervisorStepInput {
  name: string
  email: string
  scope: string | null
}

/** The supervisor record. Undone by deleting it. */
export const createSupervisorStep = createStep(
  "supervision-create-supervisor",
  async (input: CreateSupervisorStepInput, { container }) => {
    const supervisor = await supervisors(container).createSupervisors(input)
    return new StepResponse(supervisor, supervisor.id)
  },
  async (id, { container }) => {
    if (id) await supervisors(container).deleteSupervisors(id)
  }
)

/**
 * The supervisor's login: an emailpass identity with the given password (hashed by Medusa's
 * emailpass provider). Only its id leaves the step. Undone by deleting the identity.
 */
export const registerSupervisorLoginStep = createStep(
  "supervision-register-login",
  async (input: { email: string; password: string }, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    const { success, authIdentity, error } = await auth.register("emailpass", { body: { email: input.email, password: input.password } })
    if (!success || !authIdentity) {
      if (/exist/i.test(error ?? "")) throw new MedusaError(MedusaError.Types.CONFLICT, SUPERVISION_MESSAGES.login_taken)
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `无法创建登录账号 / could not create the login: ${error ?? "unknown"}`)
    }
    return new StepResponse({ auth_identity_id: authIdentity.id }, authIdentity.id)
  },
  async (authIdentityId, { container }) => {
    if (authIdentityId) await container.resolve(Modules.AUTH).deleteAuthIdentities([authIdentityId])
  }
)
