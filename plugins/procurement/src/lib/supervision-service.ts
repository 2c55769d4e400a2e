import type { MedusaContainer } from "@medusajs/framework/types"
import { SUPERVISION_MODULE } from "../modules/supervision"
import type SupervisionModuleService from "../modules/supervision/service"

/** The supervision module's service (监管人员). */
export const supervisors = (container: MedusaContainer) => container.resolve<SupervisionModuleService>(SUPERVISION_MODULE)

/** The auth actor type of supervisors; their identity's `app_metadata.supervisor_id` names the record. */
export const SUPERVISOR_ACTOR = "supervisor"

export interface SupervisorRecord {
  id: string
  name: string
  email: string
  scope: string | null
  created_at?: Date | string | null
}

export function publicSupervisor(supervisor: SupervisorRecord) {
  return {
    id: supervisor.id,
    name: supervisor.name,
    email: supervisor.email,
    scope: supervisor.scope ?? null,
    created_at: supervisor.created_at ? new Date(supervisor.created_at).toISOString() : null,
  }
}
