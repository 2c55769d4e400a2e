import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createKiosk, listKiosks, publicKiosk } from "../../../../lib/kiosk-admin"
import type { AdminCreateKioskType, AdminListKiosksType } from "./validators"

/** GET /admin/showroom/kiosks?centre_id&zone_id&q&limit&offset — kiosks with `online` (heartbeat within 2 min). */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminListKiosksType>, res: MedusaResponse) {
  const { centre_id, zone_id, q, limit, offset } = req.validatedQuery
  const filters: Record<string, unknown> = {}
  if (centre_id) filters.centre_id = centre_id
  if (zone_id) filters.zone_id = zone_id
  if (q) filters.name = { $ilike: `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` }
  const { rows, count } = await listKiosks(req.scope, filters, { limit, offset })
  const now = Date.now()
  res.json({ kiosks: rows.map((r) => publicKiosk(r, now)), count, limit, offset })
}

/**
 * POST /admin/showroom/kiosks `{ centre_id, zone_id, name, antennas[] }` → 201 `{ kiosk, key }`.
 * The key is shown this once (only its hash is kept); 404 unknown centre, 400 zone not in it.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminCreateKioskType>, res: MedusaResponse) {
  const { kiosk, key } = await createKiosk(req.scope, req.validatedBody)
  res.setHeader("Cache-Control", "no-store")
  res.status(201).json({ kiosk: publicKiosk(kiosk), key })
}
