import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { supplierOf } from "../../../../../lib/supplier-context"
import { deliverSupplierServiceWorkflow } from "../../../../../workflows/fulfil-supplier-order"
import { loadSupplierOrder } from "../../../../../workflows/utils/supplier-orders"
import type { SupplierDeliverService } from "../../validators"

/** POST /supplier/orders/:id/deliver-service `{ note?, items? }` — the caller's service lines are delivered (服务已交付). */
export async function POST(req: AuthenticatedMedusaRequest<SupplierDeliverService>, res: MedusaResponse) {
  const { supplier, member } = supplierOf(req)
  const { result } = await deliverSupplierServiceWorkflow(req.scope).run({
    input: { order_id: req.params.id, supplier_id: supplier.id, member_id: member.id, ...req.validatedBody },
  })
  res.json({ fulfillment_id: result.fulfillment_id, order: await loadSupplierOrder(req.scope, supplier.id, req.params.id) })
}
