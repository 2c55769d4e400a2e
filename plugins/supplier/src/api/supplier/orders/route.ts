import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { supplierOf } from "../../../lib/supplier-context"
import { listSupplierOrderIds, loadSupplierOrders } from "../../../workflows/utils/supplier-orders"
import type { SupplierListOrders } from "./validators"

/** GET /supplier/orders — orders holding the caller's products, newest first, each with only the caller's lines. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { supplier } = supplierOf(req)
  const { limit, offset } = req.validatedQuery as unknown as SupplierListOrders
  const { ids, count } = await listSupplierOrderIds(req.scope, supplier.id, { skip: offset, take: limit })
  const orders = await loadSupplierOrders(req.scope, supplier.id, ids, { detail: false })
  res.json({ orders, count, limit, offset })
}
