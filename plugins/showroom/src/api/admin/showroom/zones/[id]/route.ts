import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { withConflictMessage } from "@gongwucang/platform/http"
import { SHOWROOM_MESSAGES } from "../../../../../lib/showroom-messages"
import { showroom } from "../../../../../lib/showroom-service"
import { zoneView } from "../../../../../lib/showroom-views"
import type { UpdateZoneType } from "../../validators"

async function loadZone(req: AuthenticatedMedusaRequest<any>) {
  const [zone] = await showroom(req.scope).listZones({ id: req.params.id }, { take: 1 })
  if (!zone) throw new MedusaError(MedusaError.Types.NOT_FOUND, SHOWROOM_MESSAGES.zone_not_found(req.params.id))
  return zone
}

/** GET /admin/showroom/zones/:id — the zone with its number of exhibits on display. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const zone = await loadZone(req)
  const [, onDisplay] = await showroom(req.scope).listAndCountExhibits({ zone_id: zone.id, status: "on_display" }, { select: ["id"], take: 1 })
  res.json({ zone: { ...zoneView(zone), exhibits_on_display: onDisplay } })
}

/** POST /admin/showroom/zones/:id — changes code (unique in the centre: 409), names, rank. */
export const POST = withConflictMessage(async (req: AuthenticatedMedusaRequest<UpdateZoneType>, res: MedusaResponse) => {
  const zone = await loadZone(req)
  const service = showroom(req.scope)
  const body = req.validatedBody
  if (body.code && body.code !== zone.code) {
    const [same] = await service.listZones({ centre_id: zone.centre_id, code: body.code }, { select: ["id"], take: 1 })
    if (same) throw new MedusaError(MedusaError.Types.CONFLICT, SHOWROOM_MESSAGES.zone_code_taken(body.code))
  }
  const updated = await service.updateZones({ id: zone.id, ...body })
  res.json({ zone: zoneView(updated) })
})

/** DELETE /admin/showroom/zones/:id — refused (409) while exhibits are on display or kiosks stand in it. */
export const DELETE = withConflictMessage(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const zone = await loadZone(req)
  const service = showroom(req.scope)
  const [, onDisplay] = await service.listAndCountExhibits({ zone_id: zone.id, status: "on_display" }, { select: ["id"], take: 1 })
  if (onDisplay) throw new MedusaError(MedusaError.Types.CONFLICT, SHOWROOM_MESSAGES.zone_has_exhibits(onDisplay))
  const [, kiosks] = await service.listAndCountKiosks({ zone_id: zone.id }, { select: ["id"], take: 1 })
  if (kiosks) throw new MedusaError(MedusaError.Types.CONFLICT, SHOWROOM_MESSAGES.zone_has_kiosks(kiosks))
  await service.softDeleteZones([zone.id])
  res.json({ id: zone.id, object: "showroom_zone", deleted: true })
})
