import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { SHOWROOM_MESSAGES } from "../../../../../../lib/showroom-messages"
import { showroom } from "../../../../../../lib/showroom-service"
import { eventView, signupView } from "../../../../../../lib/showroom-views"

/** GET /admin/showroom/events/:id/signups — the event's sign-up list (报名名单), in order of arrival. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, { limit: number; offset: number }>, res: MedusaResponse) {
  const service = showroom(req.scope)
  const [event] = await service.listThemeEvents({ id: req.params.id }, { take: 1 })
  if (!event) throw new MedusaError(MedusaError.Types.NOT_FOUND, SHOWROOM_MESSAGES.event_not_found(req.params.id))
  const { limit, offset } = req.validatedQuery
  const [signups, count] = await service.listAndCountEventSignups({ event_id: event.id }, { take: limit, skip: offset, order: { created_at: "ASC" } })
  const all = await service.listEventSignups({ event_id: event.id, status: "confirmed" }, { select: ["party_size"] })
  const taken = all.reduce((sum, s) => sum + s.party_size, 0)
  res.json({ event: eventView(event, taken), signups: signups.map(signupView), count, limit, offset })
}
