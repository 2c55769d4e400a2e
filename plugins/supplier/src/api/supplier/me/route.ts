import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { supplierOf } from "../../../lib/supplier-context"
import { SUPPLIER_MODULE } from "../../../modules/supplier"
import type SupplierModuleService from "../../../modules/supplier/service"

/** The signed-in member, their supplier (with its review state) and the decisions sent to them. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { member, supplier } = supplierOf(req)
  const service = req.scope.resolve<SupplierModuleService>(SUPPLIER_MODULE)
  const full = await service.retrieveSupplier(supplier.id)
  const notifications = await req.scope.resolve(Modules.NOTIFICATION).listNotifications({ to: member.email, resource_type: "supplier" }, { order: { created_at: "DESC" }, take: 20 })
  res.json({
    member,
    supplier: full,
    notifications: notifications.map((n) => ({ id: n.id, template: n.template, data: n.data, created_at: n.created_at })),
  })
}
