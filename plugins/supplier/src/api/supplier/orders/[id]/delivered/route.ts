import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { supplierOf } from "../../../../../lib/supplier-context"
import { markSupplierDeliveredWorkflow } from "../../../../../workflows/fulfil-supplier-order"
import { loadSupplierOrder } from "../../../../../workflows/utils/supplier-orders"
import type { SupplierMarkDelivered } from "../../validators"

/**
 * POST /supplier/orders/:id/delivered `{ fulfillment_id? }` — the caller's shipment (or every
 * shipped, undelivered one of theirs) has arrived (已送达). Each shipment is its own workflow run.
 */
export async function POST(req: AuthenticatedMedusaRequest<SupplierMarkDelivered>, res: MedusaResponse) {
  const { supplier, member } = supplierOf(req)
  const order = await loadSupplierOrder(req.scope, supplier.id, req.params.id)
  const requested = req.validatedBody.fulfillment_id
  const targets = requested
    ? [requested]
    : order.fulfillments.filter((f) => f.own && f.kind === "shipment" && f.shipped_at && !f.delivered_at && !f.canceled_at).map((f) => f.id)
  if (!targets.length) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "没有待送达的发货 / There is no shipped delivery waiting to be marked delivered")
  for (const fulfillmentId of targets) {
    await markSupplierDeliveredWorkflow(req.scope).run({
      input: { order_id: order.id, supplier_id: supplier.id, member_id: member.id, fulfillment_id: fulfillmentId },
    })
  }
  res.json({ fulfillment_ids: targets, order: await loadSupplierOrder(req.scope, supplier.id, order.id) })
}
