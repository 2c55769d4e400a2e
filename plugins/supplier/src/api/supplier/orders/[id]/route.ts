import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { supplierOf } from "../../../../lib/supplier-context"
import { loadSupplierOrder } from "../../../../workflows/utils/supplier-orders"

/** GET /supplier/orders/:id — the caller's lines, shipments and the buyer's acceptance (验收); 404 unless the order holds the caller's products. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { supplier } = supplierOf(req)
  res.json({ order: await loadSupplierOrder(req.scope, supplier.id, req.params.id) })
}
