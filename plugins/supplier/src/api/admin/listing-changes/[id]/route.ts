import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { SUPPLIER_MODULE } from "../../../../modules/supplier"
import type SupplierModuleService from "../../../../modules/supplier/service"
import { withProductsAndSuppliers } from "../helpers"

/** One listing change with its diff, product and supplier. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const [change] = await req.scope.resolve<SupplierModuleService>(SUPPLIER_MODULE).listListingChanges({ id: req.params.id }, { take: 1 })
  if (!change) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Listing change ${req.params.id} not found`)
  const [full] = await withProductsAndSuppliers(req.scope, [change as any])
  res.json({ listing_change: full })
}
