import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { kioskById, publicKiosk, updateKiosk } from "../../../../../lib/kiosk-admin"
import type { AdminUpdateKioskType } from "../validators"

/** GET /admin/showroom/kiosks/:id — `{ kiosk }` (404 unknown). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ kiosk: publicKiosk(await kioskById(req.scope, req.params.id)) })
}

/** POST /admin/showroom/kiosks/:id `{ name?, zone_id?, antennas? }` — `{ kiosk }`; the zone must be in the kiosk's centre. */
export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateKioskType>, res: MedusaResponse) {
  res.json({ kiosk: publicKiosk(await updateKiosk(req.scope, req.params.id, req.validatedBody)) })
}
