import DataLoader from "dataloader"
import { defineSearchIndex, graphSeed, search } from "@medusajs/framework/utils"
import { PRODUCT_GRAPH_FIELDS, toProductDocument, withProductDetails, type ProductSearchDocument } from "../lib/product-document"

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

/**
 * Events come in bursts (a batch create emits one per product and one per variant) and are
 * handled concurrently, each on its own. Reading a product costs four queries whether it is one
 * product or five hundred, so the reads of events that arrive within a few milliseconds of each
 * other are merged (DataLoader) into one read per burst; each event still gets its own documents.
 */
const BURST_WINDOW_MS = 5
const MAX_BATCH = 500

interface Loaders {
  documents: DataLoader<string, ProductSearchDocument | null>
  productOfVariant: DataLoader<string, string | null>
}
// Per container query, so two Medusa apps in one process never share a batch.
const loadersByQuery = new WeakMap<object, Loaders>()

function loadersFor(query: Query): Loaders {
  let loaders = loadersByQuery.get(query)
  if (loaders) return loaders
  const options = { cache: false, maxBatchSize: MAX_BATCH, batchScheduleFn: (run: () => void) => void setTimeout(run, BURST_WINDOW_MS) }
  loaders = {
    documents: new DataLoader(async (keys: readonly string[]) => {
      const ids = [...new Set(keys)]
      const { data } = await query.graph({ entity: "product", fields: PRODUCT_GRAPH_FIELDS, filters: { id: ids } })
      const documents = new Map((await withProductDetails(data, query)).map((row) => [row.id as string, toProductDocument(row)]))
      return keys.map((id) => documents.get(id) ?? null)
    }, options),
    productOfVariant: new DataLoader(async (keys: readonly string[]) => {
      const { data } = await query.graph({ entity: "product_variant", fields: ["id", "product_id"], filters: { id: [...new Set(keys)] }, withDeleted: true })
      const products = new Map(data.map((v) => [v.id as string, (v.product_id as string) ?? null]))
      return keys.map((id) => products.get(id) ?? null)
    }, options),
  }
  loadersByQuery.set(query, loaders)
  return loaders
}

/** Values of a DataLoader.loadMany, throwing the first failure (it returns errors in place). */
function settled<T>(values: (T | Error)[]): T[] {
  for (const value of values) if (value instanceof Error) throw value
  return values as T[]
}

/** The products an event touches: variant, price and stock changes all change a product's document. */
async function productIds(name: string, id: string | string[], query: Query): Promise<string[]> {
  const ids = (Array.isArray(id) ? id : [id]).map(String)
  if (name.startsWith("product.")) return ids
  if (name.startsWith("product-variant.")) {
    return settled(await loadersFor(query).productOfVariant.loadMany(ids)).filter((p): p is string => !!p)
  }
  const { data } = await query.graph({ entity: "inventory_level", fields: ["inventory_item_id"], filters: { id: ids }, withDeleted: true })
  const itemIds = data.map((l) => l.inventory_item_id).filter(Boolean)
  if (!itemIds.length) return []
  const { data: items } = await query.graph({ entity: "inventory_item", fields: ["variants.product_id"], filters: { id: itemIds } })
  return items.flatMap((item) => (item.variants ?? []).map((v: { product_id?: string } | null) => v?.product_id)).filter(Boolean)
}

type Mutation = { action: "upsert"; documents: ProductSearchDocument[] } | { action: "delete"; filters: { id: string[] } }

async function consumeProductEvent(event: { name: string; data?: unknown }, context: { container: { query: unknown } }): Promise<Mutation[]> {
  const query = context.container.query as unknown as Query
  const data = (event.data ?? {}) as { id?: string | string[] }
  if (!data.id) return []
  const ids = [...new Set(await productIds(event.name, data.id, query))]
  if (!ids.length) return []
  // Only a deleted product leaves the index; a deleted variant or stock level changes one.
  if (event.name === "product.deleted") return [{ action: "delete", filters: { id: ids } }]
  const documents = settled(await loadersFor(query).documents.loadMany(ids))
  const mutations: Mutation[] = []
  const present = documents.filter((d): d is ProductSearchDocument => d !== null)
  if (present.length) mutations.push({ action: "upsert", documents: present })
  // Gone meanwhile: it has no business in the index.
  const gone = ids.filter((_, i) => documents[i] === null)
  if (gone.length) mutations.push({ action: "delete", filters: { id: gone } })
  return mutations
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
  consume: (event, context) => consumeProductEvent(event, context),
})
