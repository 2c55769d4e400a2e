import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { supplierOf } from "../../../lib/supplier-context"
import { inviteSupplierMemberWorkflow } from "../../../workflows/supplier-members"
import type { SupplierInvite } from "../members/validators"

/**
 * POST /supplier/invitations `{ email, role }` — an owner invites a colleague. The token is
 * notified to that email and returned here once, for the owner to pass on as a link.
 */
export async function POST(req: AuthenticatedMedusaRequest<SupplierInvite>, res: MedusaResponse) {
  const { supplier, member } = supplierOf(req)
  const { result } = await inviteSupplierMemberWorkflow(req.scope).run({
    input: { supplier_id: supplier.id, invited_by: member.id, email: req.validatedBody.email, role: req.validatedBody.role },
  })
  res.status(201).json({ invitation: result.invitation, token: result.token })
}
