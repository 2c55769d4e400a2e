import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { LIVESTREAM_MESSAGES } from "../../../../lib/livestream-messages"
import { livestream } from "../../../../lib/livestream-service"
import { publicSessionView } from "../../../../lib/livestream-views"

/** GET /store/live-sessions/:id — what a viewer sees: stream, host, lineup with prices, current pin. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const [session] = await livestream(req.scope).listLiveSessions({ id: req.params.id }, { take: 1 })
  if (!session) throw new MedusaError(MedusaError.Types.NOT_FOUND, LIVESTREAM_MESSAGES.session_not_found(req.params.id))
  res.json({ session: await publicSessionView(req.scope, session) })
}
