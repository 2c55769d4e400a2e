// The demo catalogue as plain data. Generated deterministically from a seed number by
// `generateCatalogue`, then written into Medusa by the seed workflow in backend/.

/** The four kinds of offer in MISSION.md. */
export type OfferKind =
  | "goods" // 办公用品与设备
  | "rental" // 租赁
  | "service" // 服务
  | "specialty" // 地方特色、文创与高新技术产品

export type ChannelKey = "online" | "showroom" | "livestream"

export interface SupplierSeed {
  /** Stable code, e.g. "SUP-001"; the supplier issue turns these into real records. */
  code: string
  /** Chinese company name, e.g. "成都蓉城办公设备有限公司" */
  name: string
  /** 统一社会信用代码, 18 characters with a valid GB 32100-2015 check character. */
  credit_code: string
  /** Province / city, e.g. "四川省成都市" */
  region: string
  contact_name: string
  contact_phone: string
  kinds: OfferKind[]
}

export interface CategorySeed {
  handle: string
  name_zh: string
  name_en: string
  kind: OfferKind
  /** Hex colour used for the category's generated product images. */
  color: string
  /** Handle of the parent (top-level categories have none). */
  parent_handle?: string
}

/** A specification attribute that comparison and facets are driven by. */
export interface SpecAttributeSeed {
  key: string // e.g. "brand", "warranty_months", "energy_label"
  label_zh: string
  label_en: string
  unit?: string // e.g. "W", "月", "mm"
  type: "text" | "number" | "boolean"
}

export interface VariantSeed {
  title: string
  sku: string
  /** option title → value */
  options: Record<string, string>
  /** CNY in yuan (Medusa v2 stores major units), at most 2 decimals. */
  price_cny: number
  inventory: { central: number; experience: number }
}

export interface ProductSeed {
  handle: string
  title: string
  subtitle: string
  description: string
  kind: OfferKind
  /** Handle of a second-level (leaf) category. */
  category_handle: string
  supplier_code: string
  /** key → value; at least five keys, all declared in SpecAttributeSeed. */
  specs: Record<string, string | number | boolean>
  options: { title: string; values: string[] }[]
  variants: VariantSeed[]
  /** Rental terms, only when kind = rental. */
  rental?: { period_unit: "day" | "week" | "month"; min_periods: number; deposit_cny: number }
  /** Service details, only when kind = service. */
  service?: { response_hours: number; coverage: string; delivery_mode: "onsite" | "remote" | "both" }
  tags: string[]
  /** Every product is in "online"; some are also shown in the showroom or sold live. */
  channels: ChannelKey[]
}

export interface Catalogue {
  seed: number
  suppliers: SupplierSeed[]
  categories: CategorySeed[]
  attributes: SpecAttributeSeed[]
  products: ProductSeed[]
}
