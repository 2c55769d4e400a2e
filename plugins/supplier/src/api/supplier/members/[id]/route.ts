import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { supplierOf } from "../../../../lib/supplier-context"
import { removeSupplierMemberWorkflow } from "../../../../workflows/supplier-members"

/** DELETE /supplier/members/:id — an owner removes a colleague (never the last owner); 404 for anyone else's member. */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { supplier, member } = supplierOf(req)
  const { result } = await removeSupplierMemberWorkflow(req.scope).run({
    input: { supplier_id: supplier.id, member_id: req.params.id, removed_by: member.id },
  })
  res.json({ id: result.id, object: "supplier_member", deleted: true })
}
