import { defineSearchIndex, graphConsume, graphSeed, search } from "@medusajs/framework/utils"
import { PRODUCT_GRAPH_FIELDS, toProductDocument, withProductDetails } from "../lib/product-document"

const imageSize = () => search.object({ url: search.keyword(), width: search.integer(), height: search.integer() })

// Weights rank a title match above brand/category, above attributes, above description.
const productFields = search.define({
  id: search.keyword().filterable(),
  handle: search.keyword().filterable(),
  title: search.text().searchable({ weight: 10 }).sortable(),
  brand: search.keyword().searchable({ weight: 6 }).filterable().facetable(),
  category_names: search.text().searchable({ weight: 5 }).array(),
  keywords: search.text().searchable({ weight: 4 }).retrievable(false),
  subtitle: search.text().searchable({ weight: 3 }),
  attributes: search.text().searchable({ weight: 3 }).retrievable(false),
  description: search.text().searchable({ weight: 1 }).retrievable(false),
  category_ids: search.keyword().filterable().facetable().array(),
  offer_kind: search.keyword().filterable().facetable(),
  supplier_code: search.keyword().filterable(),
  supplier_name: search.keyword().filterable().facetable(),
  price: search.float().filterable().sortable().facetable(),
  energy_label: search.keyword().filterable().facetable(),
  origin_region: search.keyword().filterable().facetable(),
  in_stock: search.boolean().filterable().facetable(),
  status: search.keyword().filterable(),
  sales_channel_ids: search.keyword().filterable().array(),
  created_at: search.date().filterable().sortable(),
  thumbnail: search.keyword(),
  // Leaves, because Medusa returns only leaf fields of an index: the storefront's srcsets.
  images: search.object({ thumb: imageSize(), medium: imageSize(), large: imageSize() }),
})

type Query = { graph: (config: Record<string, unknown>) => Promise<{ data: any[] }> }

const source = {
  fields: PRODUCT_GRAPH_FIELDS,
  transform: async (rows: Record<string, any>[], context: { container: { query: unknown } }) =>
    (await withProductDetails(rows, context.container.query as Query)).map(toProductDocument),
}

/** The products an event touches: variant, price and stock changes all change a product's document. */
async function productIds(name: string, id: string | string[], query: Query): Promise<string[]> {
  const ids = Array.isArray(id) ? id : [id]
  if (name.startsWith("product.")) return ids
  if (name.startsWith("product-variant.")) {
    const { data } = await query.graph({ entity: "product_variant", fields: ["product_id"], filters: { id: ids }, withDeleted: true })
    return data.map((v) => v.product_id).filter(Boolean)
  }
  const { data } = await query.graph({ entity: "inventory_level", fields: ["inventory_item_id"], filters: { id: ids }, withDeleted: true })
  const itemIds = data.map((l) => l.inventory_item_id).filter(Boolean)
  if (!itemIds.length) return []
  const { data: items } = await query.graph({ entity: "inventory_item", fields: ["variants.product_id"], filters: { id: itemIds } })
  return items.flatMap((item) => (item.variants ?? []).map((v: { product_id?: string } | null) => v?.product_id)).filter(Boolean)
}

export default defineSearchIndex({
  name: "product",
  entity: "product",
  fields: productFields,
  events: [
    "product.created",
    "product.updated",
    "product.deleted",
    "product-variant.created",
    "product-variant.updated",
    "product-variant.deleted",
    "inventory-level.created",
    "inventory-level.updated",
    "inventory-level.deleted",
  ],
  seed: graphSeed({ ...source, batch_size: 1000 }),
  consume: graphConsume({
    ...source,
    resolve_ids: async (event, context) => {
      const data = (event.data ?? {}) as { id?: string | string[] }
      if (!data.id) return []
      return productIds(event.name, data.id, context.container.query as unknown as Query)
    },
    // Only a deleted product leaves the index; a deleted variant or stock level changes one.
    is_delete: (event) => event.name === "product.deleted",
  }),
})
