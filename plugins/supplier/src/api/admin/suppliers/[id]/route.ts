import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SUPPLIER_MODULE } from "../../../../modules/supplier"
import type SupplierModuleService from "../../../../modules/supplier/service"

/** A supplier's review page data: the record with documents, members, pending listing changes and audit log. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service = req.scope.resolve<SupplierModuleService>(SUPPLIER_MODULE)
  const supplier = await service.retrieveSupplier(req.params.id, { relations: ["members"] })
  const [audit, pendingChanges] = await Promise.all([
    service.listSupplierAuditEntries({ supplier_id: supplier.id }, { order: { created_at: "DESC" }, take: 100 }),
    service.listListingChanges({ supplier_id: supplier.id, status: "pending" }, { order: { created_at: "ASC" } }),
  ])
  res.json({ supplier, audit, pending_changes: pendingChanges })
}
