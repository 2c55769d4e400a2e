import path from "node:path"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createCustomerGroupsWorkflow,
  createInventoryLevelsWorkflow,
  createLocationFulfillmentSetWorkflow,
  createProductCategoriesWorkflow,
  createProductTagsWorkflow,
  createProductTypesWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createServiceZonesWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  createUserAccountWorkflow,
  createLinksWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateApiKeysWorkflow,
  updateRegionsWorkflow,
  updateSalesChannelsWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import type { Catalogue, ChannelKey, OfferKind, ProductSeed } from "../catalogue/types"
import { KIND_LABELS, KIND_LABELS_EN } from "../catalogue/vocabulary"
import { renderProductImages, type RenderedImage } from "../images"
import type { SeedProgress } from "./progress"
import { ensureProcurementDemo } from "./procurement"
import { ensureShowroomDemo } from "./showroom"
import { ensureSuppliers } from "./suppliers"

import { PAYMENT_GROUPS } from "../../../plugins/payments/src/lib/eligibility"
import { SEED_MARKER_KEY, SEED_VERSION } from "../version"

export { SEED_MARKER_KEY, SEED_VERSION }
export { SUPPLIER_LOGIN_DOMAIN, supplierLoginEmail, type SupplierLogin } from "./supplier-logins"
export { demoProcurementLogins, type DemoLogin } from "./procurement-logins"
export * from "./showroom-data"

export const CHANNELS: Record<ChannelKey, { name: string; description: string }> = {
  online: { name: "Online store", description: "网上商城 — the web storefront and mini-program API" },
  showroom: { name: "Showroom kiosks", description: "体验中心触摸屏 — kiosks in the experience centre" },
  livestream: { name: "Livestream", description: "直播带货 — live selling sessions" },
}

export const STOCK_LOCATIONS = {
  central: { name: "Central warehouse", address: { address_1: "天府大道中段 1 号", city: "成都", province: "四川省", country_code: "cn" } },
  experience: { name: "Experience centre", address: { address_1: "体验中心 1 层", city: "成都", province: "四川省", country_code: "cn" } },
} as const

export const MEDIA_ROUTE = "/media/products"
const PRODUCT_BATCH_SIZE = 25

export interface SeedDemoOptions {
  container: MedusaContainer
  catalogue: Catalogue
  /** Where product images are written; served by the backend under MEDIA_ROUTE. */
  mediaDir: string
  admin: { email: string; password: string }
  /** The demo password of every seeded supplier login (sup-001@suppliers.gongwucang.local, …). */
  supplierPassword: string
  progress: SeedProgress
}

export interface SeedSummary {
  created: Record<string, number>
  products_total: number
}

/**
 * Writes the demo data through Medusa's workflows. Every step looks up what exists first and
 * creates only what is missing, so a second run changes nothing.
 */
export async function seedDemo(options: SeedDemoOptions): Promise<SeedSummary> {
  const { container, catalogue, progress } = options
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const created: Record<string, number> = {}
  const count = (what: string, n: number) => {
    if (n > 0) created[what] = (created[what] ?? 0) + n
  }

  progress.start(catalogue.products.length + 11)

  // 1. Sales channels (the default one Medusa makes becomes the online store)
  progress.step("sales channels")
  const [store] = (await query.graph({ entity: "store", fields: ["id", "default_sales_channel_id", "metadata"] })).data
  if (!store) throw new Error("No store found — run the migrations first (medusa db:migrate).")
  const channelIds = await ensureSalesChannels(container, store.default_sales_channel_id ?? null, count)

  // 2. Publishable keys, one per channel
  progress.step("publishable API keys")
  await ensurePublishableKeys(container, channelIds, count)

  // 3. Region China, tax
  progress.step("region and tax")
  const regionId = await ensureRegion(container, count)
  await ensurePaymentGroups(container, count)
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: "现代公物仓",
        supported_currencies: [{ currency_code: "cny", is_default: true, is_tax_inclusive: true }],
        supported_locales: [{ locale_code: "zh-CN" }, { locale_code: "en-US" }],
        default_sales_channel_id: channelIds.online,
        default_region_id: regionId,
      },
    },
  })

  // 4. Stock locations, fulfilment, shipping options
  progress.step("stock locations and shipping")
  const locationIds = await ensureStockLocations(container, channelIds, count)
  const shippingProfileId = await ensureShippingProfile(container, count)
  await ensureShipping(container, locationIds, shippingProfileId, regionId, count)
  await updateStoresWorkflow(container).run({
    input: { selector: { id: store.id }, update: { default_location_id: locationIds.central } },
  })

  // 5. Categories, types, tags
  progress.step("categories, types and tags")
  const categoryIds = await ensureCategories(container, catalogue, count)
  const typeIds = await ensureProductTypes(container, count)
  const tagIds = await ensureTags(container, catalogue, count)

  // 6. Admin user
  progress.step("admin user")
  await ensureAdminUser(container, options.admin, count)

  // 7. Products with images, in batches
  const { data: existing } = await query.graph({ entity: "product", fields: ["handle"] })
  const existingHandles = new Set(existing.map((p) => p.handle))
  const missing = catalogue.products.filter((p) => !existingHandles.has(p.handle))
  progress.advance(catalogue.products.length - missing.length, "products (existing)")
  const suppliers = new Map(catalogue.suppliers.map((s) => [s.code, s]))
  const categories = new Map(catalogue.categories.map((c) => [c.handle, c]))
  const topColor = (handle: string) => {
    const category = categories.get(handle)
    const parent = category?.parent_handle ? categories.get(category.parent_handle) : undefined
    return category?.color ?? parent?.color ?? "#4a6fa5"
  }

  for (let i = 0; i < missing.length; i += PRODUCT_BATCH_SIZE) {
    const batch = missing.slice(i, i + PRODUCT_BATCH_SIZE)
    const inputs = []
    for (const product of batch) {
      const supplier = suppliers.get(product.supplier_code)
      if (!supplier) throw new Error(`Product ${product.handle} names unknown supplier ${product.supplier_code}`)
      const images = await renderProductImages(
        {
          handle: product.handle,
          title: product.title,
          categoryName: categories.get(product.category_handle)?.name_zh ?? "",
          color: topColor(product.category_handle),
          kindLabel: KIND_LABELS[product.kind],
          supplierName: supplier.name,
        },
        options.mediaDir
      )
      inputs.push(
        productInput(product, {
          images,
          supplier,
          categoryId: requireId(categoryIds, product.category_handle, "category"),
          typeId: requireId(typeIds, product.kind, "product type"),
          tagIds: product.tags.map((tag) => requireId(tagIds, tag, "tag")),
          channelIds: product.channels.map((key) => channelIds[key]),
          shippingProfileId,
          attributes: catalogue.attributes,
        })
      )
    }
    await createProductsWorkflow(container).run({ input: { products: inputs } })
    count("products", batch.length)
    progress.advance(batch.length, "products")
  }

  // 8. Inventory at both locations for every variant that lacks a level there
  progress.step("inventory levels")
  await ensureInventoryLevels(container, catalogue, locationIds, count)

  // 9. Suppliers as records with owner logins, linked to the warehouse, their products and orders
  progress.step("suppliers and their logins")
  await ensureSuppliers({ container, catalogue, password: options.supplierPassword, warehouseId: locationIds.central, count })

  // 10. Procurement: a buyer organisation, tendering agencies and a supervisor, with logins
  progress.step("buyer organisation, agencies and supervisor")
  await ensureProcurementDemo({ container, password: options.supplierPassword, count })

  // 11. Experience centre: zones, exhibits with RFID tags, kiosks, this month's and next month's themes
  progress.step("experience centre, exhibits, kiosks and themes")
  await ensureShowroomDemo({ container, catalogue, password: options.supplierPassword, count })

  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        metadata: {
          ...(store.metadata ?? {}),
          [SEED_MARKER_KEY]: { version: SEED_VERSION, seed: catalogue.seed, products: catalogue.products.length },
        },
      },
    },
  })
  progress.stop()
  return { created, products_total: catalogue.products.length }
}

function requireId(ids: Map<string, string>, key: string, what: string): string {
  const id = ids.get(key)
  if (!id) throw new Error(`Seed data refers to unknown ${what} "${key}"`)
  return id
}

type Count = (what: string, n: number) => void
/** A linked record as query.graph returns it (null where a link points at a deleted row). */
type Linked = { id: string } | null | undefined

async function ensureSalesChannels(
  container: MedusaContainer,
  defaultChannelId: string | null,
  count: Count
): Promise<Record<ChannelKey, string>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: channels } = await query.graph({ entity: "sales_channel", fields: ["id", "name"] })
  const byName = new Map(channels.map((c) => [c.name, c.id]))

  // Medusa creates "Default Sales Channel" with the store; it becomes the online store.
  if (!byName.has(CHANNELS.online.name) && defaultChannelId) {
    await updateSalesChannelsWorkflow(container).run({
      input: { selector: { id: defaultChannelId }, update: CHANNELS.online },
    })
    byName.set(CHANNELS.online.name, defaultChannelId)
  }
  const missing = (Object.keys(CHANNELS) as ChannelKey[]).filter((key) => !byName.has(CHANNELS[key].name))
  if (missing.length) {
    const { result } = await createSalesChannelsWorkflow(container).run({
      input: { salesChannelsData: missing.map((key) => CHANNELS[key]) },
    })
    result.forEach((channel) => byName.set(channel.name, channel.id))
    count("sales_channels", result.length)
  }
  return {
    online: byName.get(CHANNELS.online.name)!,
    showroom: byName.get(CHANNELS.showroom.name)!,
    livestream: byName.get(CHANNELS.livestream.name)!,
  }
}

export function publishableKeyTitle(key: ChannelKey): string {
  return `${CHANNELS[key].name} key`
}

async function ensurePublishableKeys(container: MedusaContainer, channelIds: Record<ChannelKey, string>, count: Count) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: keys } = await query.graph({
    entity: "api_key",
    fields: ["id", "title", "sales_channels.id"],
    filters: { type: "publishable" },
  })
  for (const key of Object.keys(CHANNELS) as ChannelKey[]) {
    const title = publishableKeyTitle(key)
    let apiKey = keys.find((k) => k.title === title)
    // Medusa's migrations make a "Default Publishable API Key" on the default (now online)
    // channel; it becomes the online store's key rather than leaving two keys for one channel.
    const adoptable = keys.find((k) => (k.sales_channels ?? []).some((c: Linked) => c?.id === channelIds[key]))
    if (!apiKey && adoptable) {
      await updateApiKeysWorkflow(container).run({ input: { selector: { id: adoptable.id }, update: { title } } })
      apiKey = { ...adoptable, title }
    }
    if (!apiKey) {
      const { result } = await createApiKeysWorkflow(container).run({
        input: { api_keys: [{ title, type: "publishable", created_by: "seed" }] },
      })
      apiKey = { id: result[0].id, title, sales_channels: [] }
      count("publishable_keys", 1)
    }
    const linked = (apiKey.sales_channels ?? []).map((c: Linked) => c?.id)
    if (!linked.includes(channelIds[key])) {
      await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: apiKey.id, add: [channelIds[key]] } })
    }
  }
}

/**
 * The payment methods the China region offers: Medusa's system provider and the offline methods
 * of @gongwucang/payments — bank transfer (对公转账), official card (公务卡) and pay on acceptance
 * (验收后付款). Each offline method reaches only buyers a customer group allows (below).
 */
export const REGION_PAYMENT_PROVIDERS = [
  "pp_system_default",
  "pp_bank-transfer_offline",
  "pp_official-card_offline",
  "pp_pay-on-acceptance_offline",
]

/**
 * The customer groups that open the offline methods (plugins/payments/src/lib/eligibility):
 * "公共机构 public buyers" (bank transfer, official card) and "验收后付款 pay on acceptance".
 * Created by name when missing; an existing group (the operator may have edited it) is left alone.
 */
async function ensurePaymentGroups(container: MedusaContainer, count: Count) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: groups } = await query.graph({
    entity: "customer_group",
    fields: ["id", "name"],
    filters: { name: PAYMENT_GROUPS.map((group) => group.name) },
  })
  const existing = new Set(groups.map((group) => group.name))
  const missing = PAYMENT_GROUPS.filter((group) => !existing.has(group.name))
  if (!missing.length) return
  await createCustomerGroupsWorkflow(container).run({
    input: { customersData: missing.map((group) => ({ name: group.name, metadata: { ...group.metadata } })) },
  })
  count("customer_groups", missing.length)
}

async function ensureRegion(container: MedusaContainer, count: Count): Promise<string> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const paymentProviders = await availablePaymentProviders(container)
  const { data: regions } = await query.graph({
    entity: "region",
    fields: ["id", "name", "currency_code", "payment_providers.id"],
  })
  const region = regions.find((r) => r.currency_code === "cny")
  let regionId = region?.id as string | undefined
  if (region) {
    // Databases seeded before version 3 offer only the system provider: add what is missing.
    const current: string[] = (region.payment_providers ?? []).flatMap((p: Linked) => (p?.id ? [p.id] : []))
    const missing = paymentProviders.filter((id) => !current.includes(id))
    if (missing.length) {
      await updateRegionsWorkflow(container).run({
        input: { selector: { id: region.id }, update: { payment_providers: [...current, ...missing] } },
      })
      count("region_payment_providers", missing.length)
    }
  } else {
    const { result } = await createRegionsWorkflow(container).run({
      input: {
        regions: [
          {
            name: "中国 China",
            currency_code: "cny",
            countries: ["cn"],
            payment_providers: paymentProviders,
            automatic_taxes: true,
            is_tax_inclusive: true, // Chinese list prices include VAT (含税价)
            metadata: { locale: "zh-CN", time_zone: "Asia/Shanghai" },
          },
        ],
      },
    })
    regionId = result[0].id
    count("regions", 1)
  }
  const { data: taxRegions } = await query.graph({ entity: "tax_region", fields: ["id", "country_code"] })
  if (!taxRegions.some((t) => t.country_code === "cn")) {
    await createTaxRegionsWorkflow(container).run({
      input: [
        {
          country_code: "cn",
          provider_id: "tp_system",
          // 增值税 13% is the general VAT rate for goods in China.
          default_tax_rate: { rate: 13, code: "VAT13", name: "增值税 13%" },
        },
      ],
    })
    count("tax_regions", 1)
  }
  return regionId!
}

/** REGION_PAYMENT_PROVIDERS that this backend has registered (a plugin left out of the config is skipped). */
async function availablePaymentProviders(container: MedusaContainer): Promise<string[]> {
  const registered = await container
    .resolve(Modules.PAYMENT)
    .listPaymentProviders({ id: REGION_PAYMENT_PROVIDERS, is_enabled: true }, { select: ["id"] })
  const ids = new Set(registered.map((provider) => provider.id))
  return REGION_PAYMENT_PROVIDERS.filter((id) => ids.has(id))
}

async function ensureStockLocations(
  container: MedusaContainer,
  channelIds: Record<ChannelKey, string>,
  count: Count
): Promise<Record<keyof typeof STOCK_LOCATIONS, string>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: locations } = await query.graph({
    entity: "stock_location",
    fields: ["id", "name", "sales_channels.id", "fulfillment_providers.id"],
  })
  const ids = {} as Record<keyof typeof STOCK_LOCATIONS, string>
  for (const key of Object.keys(STOCK_LOCATIONS) as (keyof typeof STOCK_LOCATIONS)[]) {
    let location = locations.find((l) => l.name === STOCK_LOCATIONS[key].name)
    if (!location) {
      const { result } = await createStockLocationsWorkflow(container).run({
        input: { locations: [{ ...STOCK_LOCATIONS[key], address: { ...STOCK_LOCATIONS[key].address } }] },
      })
      location = { id: result[0].id, name: result[0].name, sales_channels: [], fulfillment_providers: [] }
      count("stock_locations", 1)
    }
    ids[key] = location.id
    const linkedChannels = new Set((location.sales_channels ?? []).map((c: Linked) => c?.id))
    const toLink = Object.values(channelIds).filter((id) => !linkedChannels.has(id))
    if (toLink.length) {
      await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: location.id, add: toLink } })
    }
    if (!(location.fulfillment_providers ?? []).some((p: Linked) => p?.id === "manual_manual")) {
      await createLinksWorkflow(container).run({
        input: [
          {
            [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
            [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
          },
        ],
      })
    }
  }
  return ids
}

async function ensureShippingProfile(container: MedusaContainer, count: Count): Promise<string> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: profiles } = await query.graph({ entity: "shipping_profile", fields: ["id", "type"] })
  const existing = profiles.find((p) => p.type === "default")
  if (existing) return existing.id
  const { result } = await createShippingProfilesWorkflow(container).run({
    input: { data: [{ name: "默认 Default", type: "default" }] },
  })
  count("shipping_profiles", 1)
  return result[0].id
}

const SHIPPING_SETUP = [
  {
    location: "central" as const,
    set: { name: "Central warehouse delivery 配送", type: "shipping" },
    zone: "中国大陆 Mainland China",
    option: { name: "标准配送 Standard delivery", code: "standard-delivery", description: "3–5 个工作日送达", amount: 20 },
  },
  {
    location: "experience" as const,
    set: { name: "Experience centre pickup 自提", type: "pickup" },
    zone: "体验中心 Experience centre",
    option: { name: "体验中心自提 Pickup at the experience centre", code: "pickup-experience-centre", description: "工作日 9:00–17:30 到店自提", amount: 0 },
  },
]

async function ensureShipping(
  container: MedusaContainer,
  locationIds: Record<keyof typeof STOCK_LOCATIONS, string>,
  shippingProfileId: string,
  regionId: string,
  count: Count
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  for (const setup of SHIPPING_SETUP) {
    const locationId = locationIds[setup.location]
    const findSet = async () =>
      (
        await query.graph({
          entity: "stock_location",
          fields: ["fulfillment_sets.id", "fulfillment_sets.name", "fulfillment_sets.service_zones.id", "fulfillment_sets.service_zones.shipping_options.id"],
          filters: { id: locationId },
        })
      ).data[0]?.fulfillment_sets?.find((s: { name: string } | null) => s?.name === setup.set.name)

    let fulfillmentSet = await findSet()
    if (!fulfillmentSet) {
      await createLocationFulfillmentSetWorkflow(container).run({
        input: { location_id: locationId, fulfillment_set_data: setup.set },
      })
      count("fulfillment_sets", 1)
      fulfillmentSet = await findSet()
    }
    let zone = fulfillmentSet?.service_zones?.[0]
    if (!zone) {
      const { result } = await createServiceZonesWorkflow(container).run({
        input: {
          data: [
            { fulfillment_set_id: fulfillmentSet!.id, name: setup.zone, geo_zones: [{ type: "country", country_code: "cn" }] },
          ],
        },
      })
      zone = { id: result[0].id, shipping_options: [] }
      count("service_zones", 1)
    }
    if (!zone.shipping_options?.length) {
      await createShippingOptionsWorkflow(container).run({
        input: [
          {
            name: setup.option.name,
            price_type: "flat",
            provider_id: "manual_manual",
            service_zone_id: zone.id,
            shipping_profile_id: shippingProfileId,
            type: { label: setup.option.name, description: setup.option.description, code: setup.option.code },
            prices: [
              { currency_code: "cny", amount: setup.option.amount },
              { region_id: regionId, amount: setup.option.amount },
            ],
            rules: [
              { attribute: "enabled_in_store", value: "true", operator: "eq" },
              { attribute: "is_return", value: "false", operator: "eq" },
            ],
          },
        ],
      })
      count("shipping_options", 1)
    }
  }
}

async function ensureCategories(container: MedusaContainer, catalogue: Catalogue, count: Count) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: existing } = await query.graph({ entity: "product_category", fields: ["id", "handle"] })
  const ids = new Map(existing.map((c) => [c.handle, c.id]))
  // Parents first, so children can point at them.
  for (const level of [false, true]) {
    const missing = catalogue.categories.filter((c) => Boolean(c.parent_handle) === level && !ids.has(c.handle))
    if (!missing.length) continue
    const { result } = await createProductCategoriesWorkflow(container).run({
      input: {
        product_categories: missing.map((c) => ({
          name: c.name_zh,
          handle: c.handle,
          description: c.name_en,
          is_active: true,
          is_internal: false,
          // Position among its siblings in the catalogue, so the tree shows in the designed order.
          rank: catalogue.categories.filter((o) => o.parent_handle === c.parent_handle).indexOf(c),
          parent_category_id: c.parent_handle ? requireId(ids, c.parent_handle, "parent category") : null,
          metadata: { name_en: c.name_en, kind: c.kind, color: c.color },
        })),
      },
    })
    result.forEach((c) => ids.set(c.handle, c.id))
    count("categories", result.length)
  }
  return ids
}

async function ensureProductTypes(container: MedusaContainer, count: Count) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: existing } = await query.graph({ entity: "product_type", fields: ["id", "value", "metadata"] })
  const ids = new Map<string, string>()
  for (const type of existing) {
    const kind = (type.metadata as Record<string, unknown> | null)?.offer_kind
    if (typeof kind === "string") ids.set(kind, type.id)
  }
  const missing = (Object.keys(KIND_LABELS) as OfferKind[]).filter((kind) => !ids.has(kind))
  if (missing.length) {
    const { result } = await createProductTypesWorkflow(container).run({
      input: {
        product_types: missing.map((kind) => ({
          value: KIND_LABELS[kind],
          metadata: { offer_kind: kind, name_en: KIND_LABELS_EN[kind] },
        })),
      },
    })
    result.forEach((type, i) => ids.set(missing[i], type.id))
    count("product_types", result.length)
  }
  return ids
}

async function ensureTags(container: MedusaContainer, catalogue: Catalogue, count: Count) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: existing } = await query.graph({ entity: "product_tag", fields: ["id", "value"] })
  const ids = new Map(existing.map((t) => [t.value, t.id]))
  const wanted = [...new Set(catalogue.products.flatMap((p) => p.tags))].filter((t) => !ids.has(t))
  if (wanted.length) {
    const { result } = await createProductTagsWorkflow(container).run({
      input: { product_tags: wanted.map((value) => ({ value })) },
    })
    result.forEach((t) => ids.set(t.value, t.id))
    count("product_tags", result.length)
  }
  return ids
}

async function ensureAdminUser(container: MedusaContainer, admin: SeedDemoOptions["admin"], count: Count) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: users } = await query.graph({ entity: "user", fields: ["id"], filters: { email: admin.email } })
  if (users.length) return
  const auth = container.resolve(Modules.AUTH)
  const { success, authIdentity, error } = await auth.register("emailpass", {
    body: { email: admin.email, password: admin.password },
  })
  if (!success || !authIdentity) throw new Error(`Could not register the admin's login: ${error}`)
  await createUserAccountWorkflow(container).run({
    input: {
      authIdentityId: authIdentity.id,
      userData: { email: admin.email, first_name: "平台", last_name: "运营" },
    },
  })
  count("users", 1)
}

interface ProductContext {
  images: RenderedImage[]
  supplier: Catalogue["suppliers"][number]
  categoryId: string
  typeId: string
  tagIds: string[]
  channelIds: string[]
  shippingProfileId: string
  attributes: Catalogue["attributes"]
}

export function mediaUrl(fileName: string): string {
  // Relative, so the URL survives a change of host or port; clients prefix the backend URL.
  return `${MEDIA_ROUTE}/${fileName}`
}

function productInput(product: ProductSeed, ctx: ProductContext) {
  const bySize = Object.fromEntries(ctx.images.map((image) => [image.size, image]))
  const labels = new Map(ctx.attributes.map((a) => [a.key, a]))
  return {
    title: product.title,
    subtitle: product.subtitle,
    description: product.description,
    handle: product.handle,
    status: ProductStatus.PUBLISHED,
    is_giftcard: false,
    discountable: true,
    origin_country: "cn",
    type_id: ctx.typeId,
    category_ids: [ctx.categoryId],
    tag_ids: ctx.tagIds,
    thumbnail: mediaUrl(bySize.thumb.fileName),
    images: [{ url: mediaUrl(bySize.medium.fileName) }],
    shipping_profile_id: ctx.shippingProfileId,
    sales_channels: ctx.channelIds.map((id) => ({ id })),
    options: product.options,
    variants: product.variants.map((variant) => ({
      title: variant.title,
      sku: variant.sku,
      options: variant.options,
      manage_inventory: true,
      allow_backorder: false,
      prices: [{ amount: variant.price_cny, currency_code: "cny" }],
    })),
    metadata: {
      offer_kind: product.kind,
      supplier_code: ctx.supplier.code,
      supplier_name: ctx.supplier.name,
      // Structured attributes drive comparison and facets; labels travel with the values.
      specs: Object.entries(product.specs).map(([key, value]) => ({
        key,
        label_zh: labels.get(key)?.label_zh ?? key,
        label_en: labels.get(key)?.label_en ?? key,
        unit: labels.get(key)?.unit ?? null,
        value,
      })),
      images: Object.fromEntries(
        ctx.images.map((image) => [image.size, { url: mediaUrl(image.fileName), width: image.width, height: image.height }])
      ),
      ...(product.rental ? { rental: product.rental } : {}),
      ...(product.service ? { service: product.service } : {}),
    },
  }
}

async function ensureInventoryLevels(
  container: MedusaContainer,
  catalogue: Catalogue,
  locationIds: Record<keyof typeof STOCK_LOCATIONS, string>,
  count: Count
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const wantedBySku = new Map(catalogue.products.flatMap((p) => p.variants.map((v) => [v.sku, v.inventory] as const)))
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["sku", "inventory_items.inventory_item_id", "inventory_items.inventory.location_levels.location_id"],
  })
  const levels: { inventory_item_id: string; location_id: string; stocked_quantity: number }[] = []
  for (const variant of variants) {
    const wanted = variant.sku ? wantedBySku.get(variant.sku) : undefined
    const link = variant.inventory_items?.[0]
    if (!wanted || !link) continue
    const present = new Set((link.inventory?.location_levels ?? []).map((l: { location_id: string } | null) => l?.location_id))
    for (const key of ["central", "experience"] as const) {
      if (!present.has(locationIds[key])) {
        levels.push({ inventory_item_id: link.inventory_item_id, location_id: locationIds[key], stocked_quantity: wanted[key] })
      }
    }
  }
  for (let i = 0; i < levels.length; i += 200) {
    await createInventoryLevelsWorkflow(container).run({ input: { inventory_levels: levels.slice(i, i + 200) } })
  }
  count("inventory_levels", levels.length)
}

export function defaultMediaDir(dataDir: string) {
  return path.join(dataDir, "media", "products")
}
