import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { livestream } from "../../../../../lib/livestream-service"
import { pinView } from "../../../../../lib/livestream-views"
import { mySession } from "../route"

/** GET /host/sessions/:id/pins — the pin timeline, oldest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const session = await mySession(req)
  const pins = await livestream(req.scope).listPins({ session_id: session.id }, { order: { pinned_at: "ASC" }, take: 5000 })
  res.json({ pins: pins.map(pinView), count: pins.length })
}
