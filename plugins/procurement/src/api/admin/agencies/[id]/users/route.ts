import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withConflictMessage } from "@gongwucang/platform/http"
import { randomBytes } from "node:crypto"
import { agencies } from "../../../../../lib/comparison-service"
import { createAgencyUserWorkflow } from "../../../../../workflows/agencies"
import type { AdminCreateAgencyUserType } from "../../../../store/comparisons/validators"

/** POST /admin/agencies/:id/users `{ email, name?, password? }` — another user of the agency (404 unknown agency). */
export const POST = withConflictMessage(async (req: AuthenticatedMedusaRequest<AdminCreateAgencyUserType>, res: MedusaResponse) => {
  const agency = await agencies(req.scope).retrieveAgency(req.params.id)
  const body = req.validatedBody
  const password = body.password ?? randomBytes(12).toString("base64url")
  const { result } = await createAgencyUserWorkflow(req.scope).run({ input: { actor_id: req.auth_context.actor_id, agency_id: agency.id, email: body.email, name: body.name ?? null, password } })
  res.status(201).json({ user: { id: result.id, email: result.email, name: result.name, agency_id: agency.id }, ...(body.password ? {} : { password }) })
})
