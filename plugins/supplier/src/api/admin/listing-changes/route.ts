import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SUPPLIER_MODULE } from "../../../modules/supplier"
import type SupplierModuleService from "../../../modules/supplier/service"
import { withProductsAndSuppliers } from "./helpers"
import type { AdminListListingChanges } from "./middlewares"

/** The review inbox (待审核): listing changes, oldest first, filtered by status, supplier, kind or product. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { status, supplier_id, kind, product_id, limit, offset } = req.validatedQuery as unknown as AdminListListingChanges
  const filters: Record<string, unknown> = {}
  if (status) filters.status = status
  if (supplier_id) filters.supplier_id = supplier_id
  if (kind) filters.kind = kind
  if (product_id) filters.product_id = product_id
  const [changes, count] = await req.scope.resolve<SupplierModuleService>(SUPPLIER_MODULE).listAndCountListingChanges(filters, { take: limit, skip: offset, order: { created_at: "ASC" } })
  res.json({ listing_changes: await withProductsAndSuppliers(req.scope, changes as any), count, limit, offset })
}
