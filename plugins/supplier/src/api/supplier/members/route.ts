import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { supplierOf } from "../../../lib/supplier-context"
import { SUPPLIER_MODULE } from "../../../modules/supplier"
import type SupplierModuleService from "../../../modules/supplier/service"
import { publicInvitation } from "../../../workflows/supplier-members"

/** GET /supplier/members — the caller's colleagues and the invitations not yet accepted (owners only). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { supplier } = supplierOf(req)
  const service = req.scope.resolve<SupplierModuleService>(SUPPLIER_MODULE)
  const [members, invitations] = await Promise.all([
    service.listSupplierMembers({ supplier_id: supplier.id }, { order: { created_at: "ASC" }, take: 500 }),
    service.listSupplierInvitations({ supplier_id: supplier.id, accepted_at: null }, { order: { created_at: "DESC" }, take: 200 }),
  ])
  res.json({
    members: members.map((m) => ({ id: m.id, email: m.email, name: m.name, role: m.role, created_at: m.created_at })),
    invitations: invitations.map(publicInvitation),
  })
}
