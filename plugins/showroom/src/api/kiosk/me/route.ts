import type { MedusaResponse } from "@medusajs/framework/http"
import type { KioskRequest } from "../../../lib/kiosk-auth"

/** GET /kiosk/me — the kiosk this key belongs to: `{ kiosk: { id, name, centre_id, zone_id, antennas } }`. */
export async function GET(req: KioskRequest, res: MedusaResponse) {
  const { id, name, centre_id, zone_id, antennas } = req.kiosk
  res.setHeader("Cache-Control", "no-store")
  res.json({ kiosk: { id, name, centre_id, zone_id, antennas } })
}
