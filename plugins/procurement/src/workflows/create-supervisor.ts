import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep, setAuthAppMetadataStep } from "@medusajs/medusa/core-flows"
import { SUPERVISOR_ACTOR } from "../lib/supervision-service"
import { LOCK_TIMEOUT, LOCK_TTL, supervisorEmailLock } from "./locks"
import { createSupervisorStep, registerSupervisorLoginStep, validateNewSupervisorStep } from "./steps/create-supervisor"
import { recordAuditStep } from "./steps/record-audit"

export interface CreateSupervisorWorkflowInput {
  /** The operator (admin user) creating the account. */
  created_by: string
  name: string
  /** Normalised (trimmed, lower case). */
  email: string
  password: string
  scope: string | null
}

/**
 * 创建监管账号: the operator creates a supervisor. Locked per email → validate (no supervisor,
 * no login with the email) → supervisor record → emailpass login → the login names the
 * supervisor (`app_metadata.supervisor_id`) → audit entry. A failure undoes every step.
 */
export const createSupervisorWorkflow = createWorkflow("procurement-create-supervisor", (input: CreateSupervisorWorkflowInput) => {
  acquireLockStep(transform({ input }, ({ input }) => ({ key: supervisorEmailLock(input.email), timeout: LOCK_TIMEOUT, ttl: LOCK_TTL })))
  validateNewSupervisorStep(transform({ input }, ({ input }) => ({ email: input.email })))
  const supervisor = createSupervisorStep(transform({ input }, ({ input }) => ({ name: input.name, email: input.email, scope: input.scope })))
  const login = registerSupervisorLoginStep(transform({ input }, ({ input }) => ({ email: input.email, password: input.password })))
  setAuthAppMetadataStep(
    transform({ login, supervisor }, ({ login, supervisor }) => ({ authIdentityId: login.auth_identity_id, actorType: SUPERVISOR_ACTOR, value: supervisor.id }))
  )
  recordAuditStep(
    transform({ input, supervisor }, ({ input, supervisor }) => ({
      entries: [
        {
          actor_type: "user" as const,
          actor_id: input.created_by,
          organization_id: null,
          entity_type: "supervisor",
          entity_id: supervisor.id,
          action: "supervisor.created",
          before: null,
          after: { name: supervisor.name, email: supervisor.email, scope: supervisor.scope ?? null },
        },
      ],
    }))
  )
  releaseLockStep(transform({ input }, ({ input }) => ({ key: supervisorEmailLock(input.email) })))
  return new WorkflowResponse(supervisor)
})
