import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withConflictMessage } from "@gongwucang/platform/http"
import { randomBytes } from "node:crypto"
import { agencies } from "../../../lib/comparison-service"
import { createAgencyWorkflow } from "../../../workflows/agencies"
import type { AdminCreateAgencyType } from "../../store/comparisons/validators"

/** GET /admin/agencies — every tendering agency with its users. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const [rows, count] = await agencies(req.scope).listAndCountAgencies({}, { relations: ["users"], order: { created_at: "DESC" }, take: 200 })
  res.json({
    agencies: rows.map((a) => ({ id: a.id, name: a.name, credit_code: a.credit_code, status: a.status, users: (a.users ?? []).map((u) => ({ id: u.id, email: u.email, name: u.name })), created_at: a.created_at })),
    count,
  })
}

/**
 * POST /admin/agencies `{ name, credit_code?, email, user_name?, password? }` — an agency and its
 * first user, who signs in at /auth/agency/emailpass. Without a password one is generated and
 * answered here, once. 409 when the email has an account or the credit code an agency.
 */
export const POST = withConflictMessage(async (req: AuthenticatedMedusaRequest<AdminCreateAgencyType>, res: MedusaResponse) => {
  const body = req.validatedBody
  const password = body.password ?? randomBytes(12).toString("base64url")
  const { result } = await createAgencyWorkflow(req.scope).run({
    input: { actor_id: req.auth_context.actor_id, name: body.name, credit_code: body.credit_code ?? null, user: { email: body.email, name: body.user_name ?? null, password } },
  })
  res.status(201).json({
    agency: { id: result.agency.id, name: result.agency.name, credit_code: result.agency.credit_code, status: result.agency.status },
    user: { id: result.user.id, email: result.user.email, name: result.user.name },
    ...(body.password ? {} : { password }),
  })
})
