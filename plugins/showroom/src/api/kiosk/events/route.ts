import type { MedusaResponse } from "@medusajs/framework/http"
import type { KioskRequest } from "../../../lib/kiosk-auth"
import { recordKioskEvents } from "../../../lib/kiosk-events"
import type { KioskEventsBodyType } from "../validators"

/**
 * POST /kiosk/events `{ events: KioskTagEvent[1..200] }` — the agent's (possibly replayed)
 * queue. Each event is stored once by its id: `{ accepted: [ids stored now], duplicates: [ids
 * already stored] }`; the agent drops every id in either list. Stored events go out at once on
 * the streams of the kiosks watching their antenna.
 */
export async function POST(req: KioskRequest<KioskEventsBodyType>, res: MedusaResponse) {
  const { events } = (req as unknown as { validatedBody: KioskEventsBodyType }).validatedBody
  const { accepted, duplicates } = await recordKioskEvents(req.scope, req.kiosk, events)
  res.setHeader("Cache-Control", "no-store")
  res.json({ accepted, duplicates })
}
