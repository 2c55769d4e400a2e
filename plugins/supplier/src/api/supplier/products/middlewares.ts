import type { MiddlewareRoute } from "@medusajs/framework/http"
import { csvBody, validateBody, validateQuery } from "../../../lib/listing-http"
import { requireApprovedSupplier } from "../../../lib/supplier-context"
import { CreateSupplierProduct, ListSupplierProducts, SetSupplierStock, UpdateSupplierProduct } from "./validators"

/** /supplier/products: reads for every member of the supplier; writes only for approved suppliers. */
export const supplierProductMiddlewares: MiddlewareRoute[] = [
  { matcher: "/supplier/products", methods: ["GET"], middlewares: [validateQuery(ListSupplierProducts)] },
  { matcher: "/supplier/products", methods: ["POST"], middlewares: [requireApprovedSupplier, validateBody(CreateSupplierProduct)] },
  // The CSV arrives as text/csv or multipart: Medusa's body parsers stay out of the way.
  { matcher: "/supplier/products/import", methods: ["POST"], bodyParser: false, middlewares: [requireApprovedSupplier, csvBody] },
  { matcher: "/supplier/products/:id", methods: ["POST"], middlewares: [requireApprovedSupplier, validateBody(UpdateSupplierProduct)] },
  { matcher: "/supplier/products/:id", methods: ["DELETE"], middlewares: [requireApprovedSupplier] },
  { matcher: "/supplier/products/:id/stock", methods: ["POST"], middlewares: [requireApprovedSupplier, validateBody(SetSupplierStock)] },
]
