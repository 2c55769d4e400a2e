import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { withConflictMessage } from "@gongwucang/platform/http"
import { SHOWROOM_MESSAGES } from "../../../../lib/showroom-messages"
import { showroom } from "../../../../lib/showroom-service"
import { zoneView } from "../../../../lib/showroom-views"
import type { CreateZoneType, ListZonesType } from "../validators"

/** GET /admin/showroom/zones?centre_id= — zones (展区), by rank then code. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, ListZonesType>, res: MedusaResponse) {
  const { centre_id, limit, offset } = req.validatedQuery
  const [rows, count] = await showroom(req.scope).listAndCountZones(centre_id ? { centre_id } : {}, {
    take: limit,
    skip: offset,
    order: { rank: "ASC", code: "ASC" },
  })
  res.json({ zones: rows.map(zoneView), count, limit, offset })
}

/** POST /admin/showroom/zones — a zone of a centre (404 unknown centre; code taken → 409). */
export const POST = withConflictMessage(async (req: AuthenticatedMedusaRequest<CreateZoneType>, res: MedusaResponse) => {
  const service = showroom(req.scope)
  const body = req.validatedBody
  const [centre] = await service.listCentres({ id: body.centre_id }, { select: ["id"], take: 1 })
  if (!centre) throw new MedusaError(MedusaError.Types.NOT_FOUND, SHOWROOM_MESSAGES.centre_not_found(body.centre_id))
  const [same] = await service.listZones({ centre_id: body.centre_id, code: body.code }, { select: ["id"], take: 1 })
  if (same) throw new MedusaError(MedusaError.Types.CONFLICT, SHOWROOM_MESSAGES.zone_code_taken(body.code))
  const zone = await service.createZones({ ...body, rank: body.rank ?? 0 })
  res.status(201).json({ zone: zoneView(zone) })
})
