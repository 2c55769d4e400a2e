import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { requireApprovedSupplier } from "../../../lib/supplier-context"
import { SupplierDeliverService, SupplierListOrders, SupplierMarkDelivered, SupplierShipOrder } from "./validators"

// Authentication and the supplier context come from the `/supplier*` middleware in ../../middlewares.ts.
export const supplierOrderMiddlewares: MiddlewareRoute[] = [
  { matcher: "/supplier/orders", method: ["GET"], middlewares: [validateAndTransformQuery(SupplierListOrders, {})] },
  { matcher: "/supplier/orders/:id/ship", method: ["POST"], middlewares: [requireApprovedSupplier, validateAndTransformBody(SupplierShipOrder)] },
  {
    matcher: "/supplier/orders/:id/deliver-service",
    method: ["POST"],
    middlewares: [requireApprovedSupplier, validateAndTransformBody(SupplierDeliverService)],
  },
  { matcher: "/supplier/orders/:id/delivered", method: ["POST"], middlewares: [requireApprovedSupplier, validateAndTransformBody(SupplierMarkDelivered)] },
]
