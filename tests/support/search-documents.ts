import { generateCatalogue } from "../../seed/src/catalogue/generate"
import type { Catalogue, ProductSeed } from "../../seed/src/catalogue/types"
import { specEntries } from "../../seed/src/catalogue/specs"
import { toProductDocument, type ProductSearchDocument } from "../../plugins/search/src/lib/product-document"

/**
 * The seeded catalogue as search documents, built through the same `toProductDocument` the
 * index uses (from rows shaped like what `query.graph` returns), without a database.
 */
export function catalogueDocuments(catalogue: Catalogue = generateCatalogue()): ProductSearchDocument[] {
  const categories = new Map(catalogue.categories.map((c) => [c.handle, c]))
  const suppliers = new Map(catalogue.suppliers.map((s) => [s.code, s]))
  return catalogue.products.map((product, i) => toProductDocument(rowFor(product, i)))

  function rowFor(product: ProductSeed, i: number) {
    const leaf = categories.get(product.category_handle)!
    const root = leaf.parent_handle ? categories.get(leaf.parent_handle) : undefined
    const supplier = suppliers.get(product.supplier_code)!
    return {
      id: `prod_${String(i).padStart(5, "0")}`,
      handle: product.handle,
      title: product.title,
      subtitle: product.subtitle,
      description: product.description,
      status: "published",
      thumbnail: null,
      created_at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      metadata: {
        offer_kind: product.kind,
        supplier_code: supplier.code,
        supplier_name: supplier.name,
        specs: specEntries(product.specs, catalogue.attributes),
      },
      tags: product.tags.map((value) => ({ value })),
      categories: [
        {
          id: `pcat_${leaf.handle}`,
          name: leaf.name_zh,
          metadata: { name_en: leaf.name_en },
          parent_category: root ? { id: `pcat_${root.handle}`, name: root.name_zh, metadata: { name_en: root.name_en } } : null,
        },
      ],
      sales_channels: product.channels.map((c) => ({ id: `sc_${c}` })),
      variants: product.variants.map((v) => ({
        id: v.sku,
        manage_inventory: true,
        allow_backorder: false,
        prices: [{ amount: v.price_cny, currency_code: "cny" }],
        inventory_items: [{ inventory: { location_levels: [{ stocked_quantity: v.inventory.central, reserved_quantity: 0 }] } }],
      })),
    }
  }
}
