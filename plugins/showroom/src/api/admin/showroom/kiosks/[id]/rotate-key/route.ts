import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { publicKiosk, rotateKioskKey } from "../../../../../../lib/kiosk-admin"

/**
 * POST /admin/showroom/kiosks/:id/rotate-key — a new key `{ kiosk, key }`, shown once. The old key
 * is refused from now on; a revoked kiosk becomes active again with the new key.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { kiosk, key } = await rotateKioskKey(req.scope, req.params.id)
  res.setHeader("Cache-Control", "no-store")
  res.json({ kiosk: publicKiosk(kiosk), key })
}
