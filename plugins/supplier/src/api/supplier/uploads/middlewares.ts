import type { MiddlewareRoute } from "@medusajs/framework/http"
import { imageUploads } from "../../../lib/listing-http"
import { requireApprovedSupplier } from "../../../lib/supplier-context"

export const supplierUploadMiddlewares: MiddlewareRoute[] = [
  { matcher: "/supplier/uploads", methods: ["POST"], bodyParser: false, middlewares: [requireApprovedSupplier, imageUploads] },
]
