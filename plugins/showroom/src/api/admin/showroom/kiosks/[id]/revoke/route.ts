import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { publicKiosk, revokeKiosk } from "../../../../../../lib/kiosk-admin"

/** POST /admin/showroom/kiosks/:id/revoke — `{ kiosk }` with revoked_at set; its key is refused at once. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ kiosk: publicKiosk(await revokeKiosk(req.scope, req.params.id)) })
}
