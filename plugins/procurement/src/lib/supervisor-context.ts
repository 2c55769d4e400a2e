import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { SUPERVISION_MESSAGES } from "./messages"
import { supervisors, type SupervisorRecord } from "./supervision-service"

type SupervisorRequest = AuthenticatedMedusaRequest & { supervisor?: SupervisorRecord }

/**
 * The read-only wall (只读): everything under /supervisor answers GET (and HEAD) only; any other
 * method is a 405 with a message, before authentication, whatever the path.
 */
export function supervisionReadOnly(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (req.method === "GET" || req.method === "HEAD") return next()
  res.setHeader("Allow", "GET, HEAD")
  res.status(405).json({ type: "not_allowed", message: SUPERVISION_MESSAGES.read_only(req.method) })
}

/**
 * Resolves the signed-in supervisor once per request; a token whose supervisor no longer exists
 * (or an unregistered identity) is a 401.
 */
export async function loadSupervisor(req: AuthenticatedMedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const id = req.auth_context?.actor_id
  if (!id) return next(new MedusaError(MedusaError.Types.UNAUTHORIZED, SUPERVISION_MESSAGES.not_supervisor))
  const [supervisor] = await supervisors(req.scope).listSupervisors({ id }, { take: 1 })
  if (!supervisor) return next(new MedusaError(MedusaError.Types.UNAUTHORIZED, SUPERVISION_MESSAGES.not_supervisor))
  ;(req as SupervisorRequest).supervisor = supervisor
  next()
}

export function supervisorOf(req: AuthenticatedMedusaRequest): SupervisorRecord {
  const supervisor = (req as SupervisorRequest).supervisor
  if (!supervisor) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, SUPERVISION_MESSAGES.not_supervisor)
  return supervisor
}
