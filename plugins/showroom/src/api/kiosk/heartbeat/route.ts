import type { MedusaResponse } from "@medusajs/framework/http"
import { showroomService, type KioskRequest } from "../../../lib/kiosk-auth"
import type { KioskHeartbeatType } from "../validators"

/**
 * POST /kiosk/heartbeat `{ app_version?, agent_version? }` — the agent says it is alive (every
 * 30 s): records the time and the versions the operator sees. `{ ok: true, server_time }`.
 */
export async function POST(req: KioskRequest<KioskHeartbeatType>, res: MedusaResponse) {
  const body = (req as unknown as { validatedBody: KioskHeartbeatType }).validatedBody
  const now = new Date()
  await showroomService(req.scope).updateKiosks({
    id: req.kiosk.id,
    last_heartbeat_at: now,
    ...(body.app_version ? { app_version: body.app_version } : {}),
    ...(body.agent_version ? { agent_version: body.agent_version } : {}),
  })
  res.setHeader("Cache-Control", "no-store")
  res.json({ ok: true, server_time: now.toISOString() })
}
