import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { supplierOf } from "../../../../lib/supplier-context"
import { revokeSupplierInvitationWorkflow } from "../../../../workflows/supplier-members"

/** DELETE /supplier/invitations/:id — an owner withdraws a pending invitation; 404 for anyone else's. */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { supplier, member } = supplierOf(req)
  const { result } = await revokeSupplierInvitationWorkflow(req.scope).run({
    input: { supplier_id: supplier.id, invitation_id: req.params.id, revoked_by: member.id },
  })
  res.json({ id: result.id, object: "supplier_invitation", deleted: true })
}
