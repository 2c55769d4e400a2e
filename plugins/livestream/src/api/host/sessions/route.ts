import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { hostOf } from "../../../lib/host-context"
import { LIVESTREAM_MESSAGES } from "../../../lib/livestream-messages"
import { guessEmbedKind } from "../../../lib/livestream-rules"
import { livestream } from "../../../lib/livestream-service"
import { sessionDetail, sessionSummary } from "../../../lib/livestream-views"
import type { HostCreateSessionType, ListQueryType } from "../../validators"

/** GET /host/sessions?status= — the host's own sessions. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, ListQueryType>, res: MedusaResponse) {
  const { limit, offset, status } = req.validatedQuery
  const filters: Record<string, unknown> = { host_id: hostOf(req).id }
  if (status) filters.status = status
  const [rows, count] = await livestream(req.scope).listAndCountLiveSessions(filters, { order: { scheduled_start_at: "DESC" }, take: limit, skip: offset })
  res.json({ sessions: rows.map(sessionSummary), count, limit, offset })
}

/** POST /host/sessions — schedule a session (status scheduled). */
export async function POST(req: AuthenticatedMedusaRequest<HostCreateSessionType>, res: MedusaResponse) {
  const body = req.validatedBody
  if (body.scheduled_end_at && body.scheduled_end_at <= body.scheduled_start_at) throw new MedusaError(MedusaError.Types.INVALID_DATA, LIVESTREAM_MESSAGES.session_times)
  const session = await livestream(req.scope).createLiveSessions({
    host_id: hostOf(req).id,
    title: body.title,
    cover_url: body.cover_url ?? null,
    stream_url: body.stream_url ?? null,
    embed_kind: body.embed_kind ?? guessEmbedKind(body.stream_url),
    scheduled_start_at: body.scheduled_start_at,
    scheduled_end_at: body.scheduled_end_at ?? null,
    status: "scheduled",
    ...(body.attribution_window_hours ? { attribution_window_hours: body.attribution_window_hours } : {}),
  })
  res.status(201).json({ session: await sessionDetail(req.scope, session) })
}
