import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withConflictMessage } from "@gongwucang/platform/http"
import { exactLikePattern } from "../../../lib/organization-rules"
import { publicSupervisor, supervisors } from "../../../lib/supervision-service"
import { createSupervisorWorkflow } from "../../../workflows/create-supervisor"
import type { AdminCreateSupervisorType, AdminListSupervisorsType } from "./validators"

/**
 * POST /admin/supervisors `{ name, email, password, scope? }` — the operator creates a supervisor
 * (监管人员) who signs in at /auth/supervisor/emailpass. 201 `{ supervisor }`; 400 naming the
 * field; 409 when a supervisor or any other login already has the email.
 */
export const POST = withConflictMessage(async (req: AuthenticatedMedusaRequest<AdminCreateSupervisorType>, res: MedusaResponse) => {
  const { name, email, password, scope } = req.validatedBody
  const { result } = await createSupervisorWorkflow(req.scope).run({
    input: { created_by: req.auth_context.actor_id, name, email, password, scope: scope || null },
  })
  res.status(201).json({ supervisor: publicSupervisor(result) })
})

/** GET /admin/supervisors?q&limit&offset — supervisors, newest first; `q` matches name, email or scope. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminListSupervisorsType>, res: MedusaResponse) {
  const { q, limit, offset } = req.validatedQuery
  const filters: Record<string, unknown> = {}
  if (q) {
    const pattern = `%${exactLikePattern(q)}%`
    filters.$or = [{ name: { $ilike: pattern } }, { email: { $ilike: pattern } }, { scope: { $ilike: pattern } }]
  }
  const [rows, count] = await supervisors(req.scope).listAndCountSupervisors(filters, { take: limit, skip: offset, order: { created_at: "DESC" } })
  res.json({ supervisors: rows.map(publicSupervisor), count, limit, offset })
}
