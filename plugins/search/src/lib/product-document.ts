import { pinyin } from "pinyin-pro"

/**
 * Turns a product read through `query.graph` into the search document both engines index.
 * Facet values are plain strings so every engine can count them; prices are CNY yuan.
 *
 * One graph query joining everything took 4.7 ms per product here (its joins multiply rows),
 * so a page is read in parts: the product's own fields (`PRODUCT_GRAPH_FIELDS`), then prices
 * and stock for the page's products at once and in parallel, and the category tree once.
 */
export const PRODUCT_GRAPH_FIELDS = [
  "id",
  "handle",
  "title",
  "subtitle",
  "description",
  "status",
  "thumbnail",
  "created_at",
  "metadata",
  "categories.id",
  "sales_channels.id",
]

type Query = { graph: (config: Record<string, unknown>) => Promise<{ data: any[] }> }

/** Adds variants (prices, stock) and categories (with parents) to a page of product rows. */
export async function withProductDetails(rows: Row[], query: Query): Promise<Row[]> {
  if (!rows.length) return rows
  const ids = rows.map((r) => r.id)
  const [prices, stock, categories] = await Promise.all([
    query.graph({
      entity: "product",
      fields: ["id", "variants.id", "variants.manage_inventory", "variants.allow_backorder", "variants.prices.amount", "variants.prices.currency_code"],
      filters: { id: ids },
    }),
    query.graph({
      entity: "product",
      fields: ["id", "variants.id", "variants.inventory_items.inventory.location_levels.stocked_quantity", "variants.inventory_items.inventory.location_levels.reserved_quantity"],
      filters: { id: ids },
    }),
    query.graph({ entity: "product_category", fields: ["id", "name", "metadata", "parent_category_id"] }),
  ])
  const stockByVariant = new Map<string, Row>()
  for (const product of stock.data) for (const v of product.variants ?? []) if (v) stockByVariant.set(v.id, v)
  const variantsByProduct = new Map<string, Row[]>(
    prices.data.map((p) => [p.id, (p.variants ?? []).filter(Boolean).map((v: Row) => ({ ...v, inventory_items: stockByVariant.get(v.id)?.inventory_items ?? [] }))])
  )
  const categoryById = new Map<string, Row>(categories.data.map((c) => [c.id, c]))
  return rows.map((row) => ({
    ...row,
    variants: variantsByProduct.get(row.id) ?? [],
    categories: (row.categories ?? [])
      .filter(Boolean)
      .map((c: Row) => categoryById.get(c.id))
      .filter(Boolean)
      .map((c: Row) => ({ ...c, parent_category: c.parent_category_id ? categoryById.get(c.parent_category_id) ?? null : null })),
  }))
}

export const OFFER_KIND_NAMES: Record<string, { zh: string; en: string }> = {
  goods: { zh: "商品", en: "goods" },
  rental: { zh: "租赁", en: "rental lease" },
  service: { zh: "服务", en: "service" },
  specialty: { zh: "特色产品", en: "specialty local creative" },
}

export interface ProductSearchDocument {
  id: string
  handle: string
  title: string
  subtitle: string | null
  description: string | null
  brand: string | null
  category_names: string[]
  category_ids: string[]
  offer_kind: string | null
  supplier_code: string | null
  supplier_name: string | null
  price: number | null
  energy_label: string | null
  origin_region: string | null
  in_stock: boolean
  status: string
  sales_channel_ids: string[]
  created_at: string
  thumbnail: string | null
  images: Record<string, unknown> | null
  attributes: string
  keywords: string
  [key: string]: unknown
}

type Row = Record<string, any>

interface Spec {
  key: string
  label_zh?: string
  label_en?: string
  unit?: string | null
  value: unknown
}

const NO_VALUE = new Set(["", "无", "none", "n/a", "-"])

function text(value: unknown): string | null {
  if (value === null || value === undefined) return null
  const s = String(value).trim()
  return NO_VALUE.has(s.toLowerCase()) ? null : s
}

/** "广东省深圳市" → "广东省"; municipalities ("北京市") stay whole. */
export function provinceOf(region: string | null): string | null {
  if (!region) return null
  const match = /^(.+?(?:省|自治区|特别行政区))/.exec(region) ?? /^(.+?市)/.exec(region)
  return match ? match[1] : region
}

function pinyinOf(value: string): string {
  const full = pinyin(value, { toneType: "none", type: "array", nonZh: "removed" }).join("")
  const initials = pinyin(value, { pattern: "first", toneType: "none", type: "array", nonZh: "removed" }).join("")
  return full ? `${full} ${initials}` : ""
}

function lowestCnyPrice(variants: Row[]): number | null {
  const amounts = variants
    .flatMap((v) => v?.prices ?? [])
    .filter((p: Row) => p?.currency_code === "cny" && p.amount !== null && p.amount !== undefined)
    .map((p: Row) => Number(p.amount))
    .filter((n: number) => Number.isFinite(n))
  return amounts.length ? Math.min(...amounts) : null
}

function inStock(variants: Row[]): boolean {
  return variants.some((variant) => {
    if (!variant) return false
    if (!variant.manage_inventory || variant.allow_backorder) return true
    return (variant.inventory_items ?? []).some((link: Row) =>
      (link?.inventory?.location_levels ?? []).some(
        (level: Row) => Number(level?.stocked_quantity ?? 0) - Number(level?.reserved_quantity ?? 0) > 0
      )
    )
  })
}

export function toProductDocument(row: Row): ProductSearchDocument {
  const metadata = (row.metadata ?? {}) as Record<string, unknown>
  const specs = (Array.isArray(metadata.specs) ? metadata.specs : []) as Spec[]
  const spec = (key: string) => text(specs.find((s) => s.key === key)?.value)
  const categories = (row.categories ?? []).filter(Boolean) as Row[]
  const categoryIds = new Set<string>()
  const categoryNames = new Set<string>()
  for (const category of categories) {
    for (const c of [category, category.parent_category].filter(Boolean) as Row[]) {
      categoryIds.add(c.id)
      categoryNames.add(c.name)
      const en = (c.metadata as Record<string, unknown> | null)?.name_en
      if (typeof en === "string") categoryNames.add(en)
    }
  }
  const kind = typeof metadata.offer_kind === "string" ? metadata.offer_kind : null
  const brand = spec("brand")
  const attributes = specs
    .filter((s) => typeof s.value === "string" || typeof s.value === "number")
    .map((s) => `${s.label_zh ?? s.key} ${s.value}${s.unit ?? ""}`)
    .join(" ")
  const keywords = [
    pinyinOf(row.title ?? ""),
    brand ? pinyinOf(brand) : "",
    kind ? `${OFFER_KIND_NAMES[kind]?.zh ?? ""} ${OFFER_KIND_NAMES[kind]?.en ?? ""}` : "",
  ]
    .filter(Boolean)
    .join(" ")
  const variants = (row.variants ?? []) as Row[]
  return {
    id: row.id,
    handle: row.handle,
    title: row.title ?? "",
    subtitle: row.subtitle ?? null,
    description: row.description ?? null,
    brand,
    category_names: [...categoryNames],
    category_ids: [...categoryIds],
    offer_kind: kind,
    supplier_code: text(metadata.supplier_code),
    supplier_name: text(metadata.supplier_name),
    price: lowestCnyPrice(variants),
    energy_label: spec("energy_label"),
    origin_region: provinceOf(spec("origin_region")),
    in_stock: inStock(variants),
    status: row.status,
    sales_channel_ids: (row.sales_channels ?? []).map((c: Row) => c?.id).filter(Boolean),
    created_at: new Date(row.created_at).toISOString(),
    thumbnail: row.thumbnail ?? null,
    images: (metadata.images as Record<string, unknown> | undefined) ?? null,
    attributes,
    keywords,
  }
}
