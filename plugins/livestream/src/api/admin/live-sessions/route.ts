import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { livestream } from "../../../lib/livestream-service"
import { sessionSummary } from "../../../lib/livestream-views"
import type { ListQueryType } from "../../validators"

/** GET /admin/live-sessions?status=&host_id= — every host's sessions, newest schedule first. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, ListQueryType>, res: MedusaResponse) {
  const { limit, offset, status, host_id } = req.validatedQuery
  const service = livestream(req.scope)
  const filters: Record<string, unknown> = {}
  if (status) filters.status = status
  if (host_id) filters.host_id = host_id
  const [rows, count] = await service.listAndCountLiveSessions(filters, { order: { scheduled_start_at: "DESC" }, take: limit, skip: offset })
  const hosts = rows.length ? await service.listHosts({ id: [...new Set(rows.map((s) => s.host_id))] }, { take: 1000 }) : []
  const names = new Map(hosts.map((h) => [h.id, h.display_name]))
  res.json({ live_sessions: rows.map((s) => ({ ...sessionSummary(s), host_display_name: names.get(s.host_id) ?? null })), count, limit, offset })
}
