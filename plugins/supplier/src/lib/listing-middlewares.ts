import type { MiddlewareRoute } from "@medusajs/framework/http"
import { adminListingChangeMiddlewares } from "../api/admin/listing-changes/middlewares"
import { supplierProductMiddlewares } from "../api/supplier/products/middlewares"
import { supplierStockLocationMiddlewares } from "../api/supplier/stock-locations/middlewares"
import { supplierUploadMiddlewares } from "../api/supplier/uploads/middlewares"

/** Middlewares of the listing routes (products, import, uploads, stock locations, review inbox), spread into api/middlewares.ts. */
export const listingMiddlewares: MiddlewareRoute[] = [
  ...supplierProductMiddlewares,
  ...supplierUploadMiddlewares,
  ...supplierStockLocationMiddlewares,
  ...adminListingChangeMiddlewares,
]
