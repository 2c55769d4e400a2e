import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { PRODUCT_NOT_FOUND } from "./listing"
import SupplierProductLink from "../links/supplier-product"
import SupplierStockLocationLink from "../links/supplier-stock-location"

/**
 * The tenant wall for listings: which products and stock locations belong to a supplier, read
 * from the link tables. Routes take the supplier from the token (`supplierOf(req)`) and ask
 * here; another supplier's id and an id that does not exist get the same 404, so guessing ids
 * reveals nothing.
 */

type Query = { graph: (config: Record<string, unknown>) => Promise<{ data: any[] }> }

const query = (scope: MedusaContainer) => scope.resolve(ContainerRegistrationKeys.QUERY) as unknown as Query
const productLink = () => SupplierProductLink.entryPoint || "supplier_product"
const locationLink = () => SupplierStockLocationLink.entryPoint || "supplier_stock_location"

export { LOCATION_NOT_FOUND, PRODUCT_NOT_FOUND } from "./listing"

export async function ownedProductIds(scope: MedusaContainer, supplierId: string): Promise<string[]> {
  const { data } = await query(scope).graph({ entity: productLink(), fields: ["product_id"], filters: { supplier_id: supplierId } })
  return data.map((row) => row.product_id as string)
}

/** The supplier a product belongs to, or null (also for a malformed or unknown id). */
export async function productSupplierId(scope: MedusaContainer, productId: string): Promise<string | null> {
  const { data } = await query(scope).graph({ entity: productLink(), fields: ["supplier_id"], filters: { product_id: productId } })
  return (data[0]?.supplier_id as string | undefined) ?? null
}

export async function assertOwnsProduct(scope: MedusaContainer, supplierId: string, productId: string): Promise<void> {
  if ((await productSupplierId(scope, productId)) !== supplierId) throw new MedusaError(MedusaError.Types.NOT_FOUND, PRODUCT_NOT_FOUND)
}

export async function ownedLocationIds(scope: MedusaContainer, supplierId: string): Promise<string[]> {
  const { data } = await query(scope).graph({ entity: locationLink(), fields: ["stock_location_id"], filters: { supplier_id: supplierId } })
  return data.map((row) => row.stock_location_id as string)
}
