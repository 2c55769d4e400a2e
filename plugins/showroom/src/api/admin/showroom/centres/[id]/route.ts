import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { withConflictMessage } from "@gongwucang/platform/http"
import { SHOWROOM_MESSAGES } from "../../../../../lib/showroom-messages"
import { showroom } from "../../../../../lib/showroom-service"
import { centreView, zoneView } from "../../../../../lib/showroom-views"
import type { UpdateCentreType } from "../../validators"

async function loadCentre(req: AuthenticatedMedusaRequest<any>) {
  const [centre] = await showroom(req.scope).listCentres({ id: req.params.id }, { take: 1 })
  if (!centre) throw new MedusaError(MedusaError.Types.NOT_FOUND, SHOWROOM_MESSAGES.centre_not_found(req.params.id))
  return centre
}

/** GET /admin/showroom/centres/:id — the centre with its zones. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const centre = await loadCentre(req)
  const zones = await showroom(req.scope).listZones({ centre_id: centre.id }, { order: { rank: "ASC", code: "ASC" } })
  res.json({ centre: { ...centreView(centre), zones: zones.map(zoneView) } })
}

/** POST /admin/showroom/centres/:id — changes name, address, opening hours… */
export async function POST(req: AuthenticatedMedusaRequest<UpdateCentreType>, res: MedusaResponse) {
  await loadCentre(req)
  const centre = await showroom(req.scope).updateCentres({ id: req.params.id, ...req.validatedBody })
  res.json({ centre: centreView(centre) })
}

/** DELETE /admin/showroom/centres/:id — only a centre without zones (409 otherwise). */
export const DELETE = withConflictMessage(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const centre = await loadCentre(req)
  const [zone] = await showroom(req.scope).listZones({ centre_id: centre.id }, { select: ["id"], take: 1 })
  if (zone) throw new MedusaError(MedusaError.Types.CONFLICT, SHOWROOM_MESSAGES.centre_has_zones)
  await showroom(req.scope).softDeleteCentres([centre.id])
  res.json({ id: centre.id, object: "showroom_centre", deleted: true })
})
