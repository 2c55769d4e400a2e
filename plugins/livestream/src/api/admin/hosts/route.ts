import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withConflictMessage } from "@gongwucang/platform/http"
import { randomBytes } from "node:crypto"
import { livestream } from "../../../lib/livestream-service"
import { hostView } from "../../../lib/livestream-views"
import { createHostWorkflow } from "../../../workflows"
import type { AdminCreateHostType, ListQueryType } from "../../validators"

/** GET /admin/hosts — every host (主播) with their grants. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, ListQueryType>, res: MedusaResponse) {
  const { limit, offset } = req.validatedQuery
  const [rows, count] = await livestream(req.scope).listAndCountHosts({}, { relations: ["grants"], order: { created_at: "DESC" }, take: limit, skip: offset })
  res.json({ hosts: rows.map(hostView), count, limit, offset })
}

/**
 * POST /admin/hosts `{ email, display_name, bio?, avatar_url?, password? }` — a host and their
 * login at /auth/host/emailpass. Without a password one is generated and answered here, once.
 * 409 when the email has an account.
 */
export const POST = withConflictMessage(async (req: AuthenticatedMedusaRequest<AdminCreateHostType>, res: MedusaResponse) => {
  const body = req.validatedBody
  const password = body.password ?? randomBytes(12).toString("base64url")
  const { result } = await createHostWorkflow(req.scope).run({
    input: { email: body.email, display_name: body.display_name, bio: body.bio ?? null, avatar_url: body.avatar_url ?? null, password },
  })
  res.status(201).json({ host: hostView({ ...result, grants: [] }), ...(body.password ? {} : { password }) })
})
