import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { COMPARISON_MESSAGES } from "./comparison-messages"
import { agencies } from "./comparison-service"

export interface AgencyContext {
  user: { id: string; email: string; name: string | null }
  agency: { id: string; name: string; credit_code: string | null; status: string }
}

type AgencyRequest = AuthenticatedMedusaRequest & { agencyContext?: AgencyContext }

/**
 * Resolves the signed-in agency user and their (active) agency once per request. Every
 * `/agency/*` route takes the agency from here, never from the URL or body: the tenant wall
 * between agencies.
 */
export async function loadAgencyContext(req: AuthenticatedMedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const userId = req.auth_context?.actor_id
  if (!userId) return next(new MedusaError(MedusaError.Types.UNAUTHORIZED, "Unauthorized"))
  const [user] = await agencies(req.scope).listAgencyUsers({ id: userId }, { relations: ["agency"], take: 1 })
  if (!user?.agency || user.agency.status !== "active") return next(new MedusaError(MedusaError.Types.UNAUTHORIZED, COMPARISON_MESSAGES.agency_user_unknown))
  ;(req as AgencyRequest).agencyContext = {
    user: { id: user.id, email: user.email, name: user.name ?? null },
    agency: { id: user.agency.id, name: user.agency.name, credit_code: user.agency.credit_code ?? null, status: user.agency.status },
  }
  next()
}

export function agencyOf(req: AuthenticatedMedusaRequest): AgencyContext {
  const context = (req as AgencyRequest).agencyContext
  if (!context) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Unauthorized")
  return context
}

/** The agency user as the history and the report name them: "name（agency）". */
export function agencyActor(context: AgencyContext) {
  return { type: "agency" as const, id: context.user.id, name: `${context.user.name ?? context.user.email}（${context.agency.name}）` }
}
