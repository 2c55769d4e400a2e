import type { CreateProductWorkflowInputDTO, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules, ProductStatus } from "@medusajs/framework/utils"
import { SUPPLIER_MODULE } from "../modules/supplier"
import type SupplierModuleService from "../modules/supplier/service"
import { listingHandle, rentalMetadata, serviceMetadata, toStoredSpecs, type ListingInput, type ListingSnapshot, type OfferKind, type StoredSpec } from "./listing"
import { productImageFields, resolveListingImages, type UploadedImage } from "./listing-media"
import { ownedLocationIds } from "./listing-ownership"

/**
 * Turns validated listing input into what the create-listings workflow writes: Medusa product
 * input shaped like a seeded product (draft, Online store channel, default shipping profile,
 * product type of its kind, metadata offer_kind / supplier_code / supplier_name / specs /
 * images / rental / service), inventory levels at the supplier's own locations, and the
 * snapshot its listing change records. Everything that needs the database is checked here
 * (category, own locations, own uploads, free SKUs) so a listing that reaches the workflow is
 * whole; each problem is a reason for the caller (a 400, or a CSV row's error).
 */

type Query = { graph: (config: Record<string, unknown>) => Promise<{ data: any[] }> }

export interface ListingContext {
  supplier: { id: string; code: string; company_name: string }
  salesChannelId: string
  shippingProfileId: string | null
  typeIds: Partial<Record<OfferKind, string>>
  categories: { byId: Map<string, CategoryRow>; byHandle: Map<string, CategoryRow> }
  locationIds: Set<string>
  images: Map<string, UploadedImage | null>
}

interface CategoryRow {
  id: string
  handle: string
  name: string
  is_active: boolean
  is_internal: boolean
}

export interface PreparedListing {
  product: CreateProductWorkflowInputDTO
  /** One level per managed variant and own location (quantity 0 where none was given). */
  stock: { variant_title: string; location_id: string; quantity: number }[]
  snapshot: ListingSnapshot
}

export async function loadListingContext(scope: MedusaContainer, supplierId: string): Promise<ListingContext> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY) as unknown as Query
  const service = scope.resolve<SupplierModuleService>(SUPPLIER_MODULE)
  const [supplier, stores, channels, profiles, types, categories, locationIds] = await Promise.all([
    service.retrieveSupplier(supplierId),
    query.graph({ entity: "store", fields: ["id", "default_sales_channel_id"] }),
    query.graph({ entity: "sales_channel", fields: ["id", "name"] }),
    query.graph({ entity: "shipping_profile", fields: ["id", "type"] }),
    query.graph({ entity: "product_type", fields: ["id", "metadata"] }),
    query.graph({ entity: "product_category", fields: ["id", "handle", "name", "is_active", "is_internal"] }),
    ownedLocationIds(scope, supplierId),
  ])
  // Listings sell in the online store, like every seeded product ("Online store" is the store's default channel).
  const salesChannelId = channels.data.find((c) => c.name === "Online store")?.id ?? stores.data[0]?.default_sales_channel_id
  if (!salesChannelId) throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "No online sales channel is set up")
  const typeIds: Partial<Record<OfferKind, string>> = {}
  for (const type of types.data) {
    const kind = (type.metadata as Record<string, unknown> | null)?.offer_kind
    if (typeof kind === "string") typeIds[kind as OfferKind] = type.id
  }
  const rows = categories.data as CategoryRow[]
  return {
    supplier: { id: supplier.id, code: supplier.code, company_name: supplier.company_name },
    salesChannelId,
    shippingProfileId: profiles.data.find((p) => p.type === "default")?.id ?? profiles.data[0]?.id ?? null,
    typeIds,
    categories: { byId: new Map(rows.map((c) => [c.id, c])), byHandle: new Map(rows.map((c) => [c.handle, c])) },
    locationIds: new Set(locationIds),
    images: new Map(),
  }
}

export function findCategory(ctx: ListingContext, idOrHandle: string): CategoryRow | null {
  const category = ctx.categories.byId.get(idOrHandle) ?? ctx.categories.byHandle.get(idOrHandle)
  return category && category.is_active && !category.is_internal ? category : null
}

export function unknownLocationError(locationId: string): string {
  return `仓库 ${locationId} 不是您的仓库 / stock location ${locationId} is not one of your stock locations (see GET /supplier/stock-locations)`
}

export async function prepareListing(ctx: ListingContext, input: ListingInput): Promise<{ listing: PreparedListing } | { error: string }> {
  const category = findCategory(ctx, input.category_id)
  if (!category) return { error: `分类不存在 / unknown category: ${input.category_id}` }
  for (const level of input.stock ?? []) {
    if (!ctx.locationIds.has(level.location_id)) return { error: unknownLocationError(level.location_id) }
  }
  const specs = toStoredSpecs(input.specs)
  if ("error" in specs) return { error: specs.error }
  const resolved = await resolveListingImages(ctx.supplier.id, input.image_urls, ctx.images)
  if ("error" in resolved) return { error: resolved.error }
  const imageFields = productImageFields(resolved.images)

  // Medusa needs options; without any, the variants' titles become the values of one option.
  const options = input.options ?? [{ title: "规格", values: input.variants.map((v) => v.title) }]
  const managed = input.kind !== "service" // a service is booked, not taken from a shelf
  const variants = input.variants.map((variant) => ({
    title: variant.title,
    sku: variant.sku,
    options: input.options ? variant.options ?? {} : { 规格: variant.title },
    manage_inventory: managed,
    allow_backorder: false,
    prices: [{ amount: variant.price_cny, currency_code: "cny" }],
  }))
  const given = new Map((input.stock ?? []).map((s) => [`${s.variant_index}@${s.location_id}`, s.quantity]))
  const stock = managed
    ? input.variants.flatMap((variant, index) => [...ctx.locationIds].map((location_id) => ({ variant_title: variant.title, location_id, quantity: given.get(`${index}@${location_id}`) ?? 0 })))
    : []

  const metadata: Record<string, unknown> = {
    offer_kind: input.kind,
    supplier_code: ctx.supplier.code,
    supplier_name: ctx.supplier.company_name,
    supplier_id: ctx.supplier.id,
    specs: specs.specs satisfies StoredSpec[],
    ...(imageFields.metadataImages ? { images: imageFields.metadataImages } : {}),
    ...(input.rental ? { rental: rentalMetadata(input.rental) } : {}),
    ...(input.service ? { service: serviceMetadata(input.service) } : {}),
  }
  const product: CreateProductWorkflowInputDTO = {
    title: input.title,
    subtitle: input.subtitle || undefined,
    description: input.description,
    handle: listingHandle(ctx.supplier.code),
    status: ProductStatus.DRAFT,
    is_giftcard: false,
    discountable: true,
    origin_country: "cn",
    type_id: ctx.typeIds[input.kind],
    category_ids: [category.id],
    thumbnail: imageFields.thumbnail ?? undefined,
    images: imageFields.images,
    shipping_profile_id: ctx.shippingProfileId ?? undefined,
    sales_channels: [{ id: ctx.salesChannelId }],
    options,
    variants,
    metadata,
  }
  const snapshot: ListingSnapshot = {
    title: input.title,
    subtitle: input.subtitle || null,
    description: input.description,
    kind: input.kind,
    category_id: category.id,
    specs: specs.specs,
    prices: input.variants.map((v) => ({ variant_id: null, variant_title: v.title, sku: v.sku ?? null, price_cny: v.price_cny })),
    rental: input.rental ?? null,
    service: input.service ?? null,
    image_urls: resolved.images.map((i) => i.url),
  }
  return { listing: { product, stock, snapshot } }
}

/** SKUs already used by a product variant (SKUs are unique across the catalogue). */
export async function takenSkus(scope: MedusaContainer, skus: string[]): Promise<Set<string>> {
  if (!skus.length) return new Set()
  const products = scope.resolve(Modules.PRODUCT)
  const taken = new Set<string>()
  for (let i = 0; i < skus.length; i += 500) {
    const variants = await products.listProductVariants({ sku: skus.slice(i, i + 500) }, { select: ["id", "sku"], take: null })
    for (const v of variants) if (v.sku) taken.add(v.sku)
  }
  return taken
}

export function skuTakenError(sku: string): string {
  return `SKU ${sku} 已被使用 / SKU ${sku} is already in use`
}
