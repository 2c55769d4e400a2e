import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { supplierOf } from "../../../../../lib/supplier-context"
import { shipSupplierItemsWorkflow } from "../../../../../workflows/fulfil-supplier-order"
import { loadSupplierOrder } from "../../../../../workflows/utils/supplier-orders"
import type { SupplierShipOrder } from "../../validators"

/** POST /supplier/orders/:id/ship `{ carrier, tracking_number, items? }` — ships the caller's goods lines (发货). */
export async function POST(req: AuthenticatedMedusaRequest<SupplierShipOrder>, res: MedusaResponse) {
  const { supplier, member } = supplierOf(req)
  const { result } = await shipSupplierItemsWorkflow(req.scope).run({
    input: { order_id: req.params.id, supplier_id: supplier.id, member_id: member.id, ...req.validatedBody },
  })
  res.json({ fulfillment_id: result.fulfillment_id, order: await loadSupplierOrder(req.scope, supplier.id, req.params.id) })
}
