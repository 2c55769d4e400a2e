import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { serializeChange } from "../../../lib/listing-view"
import { SUPPLIER_MODULE } from "../../../modules/supplier"
import type SupplierModuleService from "../../../modules/supplier/service"

/** Listing changes for the operator: each with its diff, the product (title, status, image) and the supplier's name. */
export async function withProductsAndSuppliers(scope: MedusaContainer, changes: Parameters<typeof serializeChange>[0][]) {
  if (!changes.length) return []
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const productIds = [...new Set(changes.map((c) => c.product_id))]
  const supplierIds = [...new Set(changes.map((c) => c.supplier_id))]
  const [{ data: products }, suppliers] = await Promise.all([
    query.graph({ entity: "product", fields: ["id", "title", "handle", "status", "thumbnail", "deleted_at"], filters: { id: productIds }, withDeleted: true }),
    scope.resolve<SupplierModuleService>(SUPPLIER_MODULE).listSuppliers({ id: supplierIds }, { select: ["id", "code", "company_name", "status"] }),
  ])
  const productById = new Map(products.map((p: any) => [p.id, p]))
  const supplierById = new Map(suppliers.map((s) => [s.id, s]))
  return changes.map((change) => {
    const product = productById.get(change.product_id) as any
    const supplier = supplierById.get(change.supplier_id)
    return {
      ...serializeChange(change),
      product: product ? { id: product.id, title: product.title, handle: product.handle, status: product.status, thumbnail: product.thumbnail, deleted: !!product.deleted_at } : null,
      supplier: supplier ? { id: supplier.id, code: supplier.code, company_name: supplier.company_name, status: supplier.status } : null,
    }
  })
}
