import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { assertOwnsProduct, LOCATION_NOT_FOUND, ownedLocationIds } from "../../../../../lib/listing-ownership"
import { loadListingState } from "../../../../../lib/listing-state"
import { supplierOf } from "../../../../../lib/supplier-context"
import { setSupplierStockWorkflow } from "../../../../../workflows/listing-stock"
import type { SetSupplierStock } from "../../validators"

/** Set a variant's stock at one of the caller's own stock locations (applies at once, not reviewed). */
export async function POST(req: AuthenticatedMedusaRequest<SetSupplierStock>, res: MedusaResponse) {
  const { supplier, member } = supplierOf(req)
  const productId = req.params.id
  await assertOwnsProduct(req.scope, supplier.id, productId)
  const { variant_id, location_id, quantity } = req.validatedBody
  if (!(await ownedLocationIds(req.scope, supplier.id)).includes(location_id)) throw new MedusaError(MedusaError.Types.NOT_FOUND, LOCATION_NOT_FOUND)
  const state = await loadListingState(req.scope, productId)
  const variant = state.variants.find((v) => v.id === variant_id)
  if (!variant) throw new MedusaError(MedusaError.Types.NOT_FOUND, "规格不存在 / Variant not found")
  if (!variant.manage_inventory || !variant.inventory_item_id) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "该规格不管理库存（如服务）/ this variant does not keep stock (e.g. a service)")
  }
  const { result } = await setSupplierStockWorkflow(req.scope).run({
    input: {
      supplier_id: supplier.id,
      member_id: member.id,
      product_id: productId,
      variant_id,
      inventory_item_id: variant.inventory_item_id,
      location_id,
      quantity,
      level_exists: variant.levels.some((l) => l.location_id === location_id),
    },
  })
  res.json({ stock: result })
}
