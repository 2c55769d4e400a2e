import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { LIVESTREAM_MESSAGES } from "./livestream-messages"
import { livestream } from "./livestream-service"

export interface HostContext {
  id: string
  email: string
  display_name: string
}

type HostRequest = AuthenticatedMedusaRequest & { hostContext?: HostContext }

/**
 * Resolves the signed-in host (active) once per request. Every `/host/*` route takes the host
 * from here, never from the URL or body: the wall between hosts.
 */
export async function loadHostContext(req: AuthenticatedMedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const hostId = req.auth_context?.actor_id
  if (!hostId) return next(new MedusaError(MedusaError.Types.UNAUTHORIZED, "Unauthorized"))
  const [host] = await livestream(req.scope).listHosts({ id: hostId }, { take: 1 })
  if (!host || host.status !== "active") return next(new MedusaError(MedusaError.Types.UNAUTHORIZED, LIVESTREAM_MESSAGES.host_unknown))
  ;(req as HostRequest).hostContext = { id: host.id, email: host.email, display_name: host.display_name }
  next()
}

export function hostOf(req: AuthenticatedMedusaRequest): HostContext {
  const context = (req as HostRequest).hostContext
  if (!context) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Unauthorized")
  return context
}
