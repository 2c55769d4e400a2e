import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { withConflictMessage } from "@gongwucang/platform/http"
import { hostOf } from "../../../../lib/host-context"
import { LIVESTREAM_MESSAGES } from "../../../../lib/livestream-messages"
import { sessionDeletable, sessionEditable, type SessionStatus } from "../../../../lib/livestream-rules"
import { livestream } from "../../../../lib/livestream-service"
import { sessionDetail } from "../../../../lib/livestream-views"
import { ownSession } from "../../../../workflows/steps"
import type { HostUpdateSessionType } from "../../../validators"

/** The signed-in host's session named in the URL (another host's: 404). */
export const mySession = (req: AuthenticatedMedusaRequest<any, any>) => ownSession(req.scope, req.params.id, hostOf(req).id)

/** GET /host/sessions/:id — the session, its lineup and current pin. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ session: await sessionDetail(req.scope, await mySession(req)) })
}

/** POST /host/sessions/:id — change title, cover, stream, schedule (not after it ended: 409). */
export const POST = withConflictMessage(async (req: AuthenticatedMedusaRequest<HostUpdateSessionType>, res: MedusaResponse) => {
  const session = await mySession(req)
  if (!sessionEditable(session.status as SessionStatus)) throw new MedusaError(MedusaError.Types.CONFLICT, LIVESTREAM_MESSAGES.session_ended)
  const body = req.validatedBody
  const start = body.scheduled_start_at ?? session.scheduled_start_at
  const end = body.scheduled_end_at === undefined ? session.scheduled_end_at : body.scheduled_end_at
  if (end && new Date(end) <= new Date(start)) throw new MedusaError(MedusaError.Types.INVALID_DATA, LIVESTREAM_MESSAGES.session_times)
  const updated = await livestream(req.scope).updateLiveSessions({ id: session.id, ...body })
  res.json({ session: await sessionDetail(req.scope, updated) })
})

/** DELETE /host/sessions/:id — cancel a session that has not gone live (409 otherwise). */
export const DELETE = withConflictMessage(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const session = await mySession(req)
  if (!sessionDeletable(session.status as SessionStatus)) throw new MedusaError(MedusaError.Types.CONFLICT, LIVESTREAM_MESSAGES.session_not_deletable)
  await livestream(req.scope).softDeleteLiveSessions(session.id)
  res.json({ id: session.id, object: "live_session", deleted: true })
})
