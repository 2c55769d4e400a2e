// Deterministic demo catalogue: the same seed always yields a deep-equal Catalogue.
// All randomness comes from one seeded faker instance; nothing reads the clock or
// Math.random, and the draws happen in a fixed order.

import { Faker, base, zh_CN } from "@faker-js/faker"
import { buildCreditCode, CREDIT_CODE_CHARSET } from "./credit-code"
import type {
  Catalogue,
  CategorySeed,
  ChannelKey,
  OfferKind,
  ProductSeed,
  SupplierSeed,
  VariantSeed,
} from "./types"
import {
  ATTRIBUTES,
  BRANDS,
  CATEGORY_TREE,
  DOMESTIC_CPU_FAMILIES,
  ENERGY_SAVING_LABELS,
  MOBILE_PREFIXES,
  PERIOD_LABELS,
  SERVICE_PACKAGES,
  SUPPLIERS,
  SURNAMES,
  type LeafCategoryDef,
  type ModelDef,
  type OptionValueDef,
  type PeriodUnit,
  type ProductTemplate,
  type SpecSource,
  type StyleDef,
  type SupplierDef,
  type TopCategoryDef,
} from "./vocabulary"

export const DEFAULT_SEED = 20261122

/** How many products are also shown in the experience centre / sold in livestreams, per kind. */
const SHOWROOM_PICKS: Readonly<Record<OfferKind, number>> = { goods: 30, specialty: 16, rental: 8, service: 6 }
const LIVESTREAM_PICKS: Readonly<Record<OfferKind, number>> = { goods: 20, specialty: 20, rental: 0, service: 0 }

const SKU_PREFIX: Readonly<Record<OfferKind, string>> = { goods: "GD", rental: "RT", service: "SV", specialty: "SP" }

/** Service capacity is not tied to a warehouse, so both locations get a large nominal stock. */
const SERVICE_STOCK = 9999

const NEW_PRODUCT_SHARE = 0.12

type SpecValue = string | number | boolean
type Specs = Record<string, SpecValue>

// ---------------------------------------------------------------------------
// Random helpers over the seeded faker instance
// ---------------------------------------------------------------------------

class Rng {
  constructor(readonly faker: Faker) {}

  int(min: number, max: number): number {
    return this.faker.number.int({ min, max })
  }

  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error("cannot pick from an empty list")
    return list[this.int(0, list.length - 1)]
  }

  chance(probability: number): boolean {
    if (probability <= 0) return false
    if (probability >= 1) return true
    return this.faker.number.float({ min: 0, max: 1 }) < probability
  }

  shuffle<T>(list: readonly T[]): T[] {
    return this.faker.helpers.shuffle([...list])
  }

  /** A number in [min, max] rounded to `decimals` places. */
  between(min: number, max: number, decimals = 0): number {
    const value = this.faker.number.float({ min, max })
    return round(value, decimals)
  }

  /** k distinct items keeping their original order (so "first value" stays the cheapest). */
  orderedSubset<T>(list: readonly T[], k: number): T[] {
    const indexes = this.shuffle(list.map((_, i) => i)).slice(0, k).sort((a, b) => a - b)
    return indexes.map((i) => list[i])
  }
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals
  return Math.round(value * factor) / factor
}

/** Shop-style price points (29.9, 399, 3499 …) that keep at most two decimals. */
function prettyPrice(raw: number): number {
  if (raw < 10) return Math.max(0.5, round(raw, 1))
  if (raw < 100) return round(Math.floor(raw) + 0.9, 2)
  if (raw < 1000) return Math.round(raw / 10) * 10 - 1
  if (raw < 20000) return Math.round(raw / 100) * 100 - 1
  return Math.round(raw / 1000) * 1000
}

function drawSpec(rng: Rng, source: SpecSource): SpecValue {
  if (Array.isArray(source)) return rng.pick(source as readonly SpecValue[])
  const { range, step } = source as { range: readonly [number, number]; step?: number }
  if (step) return round(Math.round(rng.between(range[0], range[1], 4) / step) * step, 2)
  return rng.int(range[0], range[1])
}

// ---------------------------------------------------------------------------
// Colours
// ---------------------------------------------------------------------------

function mixHex(hex: string, towards: "white" | "black", amount: number): string {
  const target = towards === "white" ? 255 : 0
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))
  return (
    "#" +
    channels
      .map((c) => Math.round(c + (target - c) * amount).toString(16).padStart(2, "0"))
      .join("")
      .toUpperCase()
  )
}

/** Children get alternating lighter and darker shades of the parent so they stay related but distinct. */
const CHILD_SHADES: readonly [("white" | "black"), number][] = [
  ["white", 0.14],
  ["black", 0.16],
  ["white", 0.28],
  ["black", 0.3],
  ["white", 0.4],
  ["black", 0.42],
]

// ---------------------------------------------------------------------------
// Suppliers
// ---------------------------------------------------------------------------

const KIND_ORDER: readonly OfferKind[] = ["goods", "rental", "service", "specialty"]

function leafKinds(): Map<string, OfferKind> {
  const map = new Map<string, OfferKind>()
  for (const top of CATEGORY_TREE) for (const leaf of top.children) map.set(leaf.handle, top.kind)
  return map
}

const CODE_CHARS = [...CREDIT_CODE_CHARSET]

function orgCodeBody(rng: Rng): string {
  // Codes issued since 2015 start with "MA"; older enterprises keep their 8-digit organisation code.
  if (rng.chance(0.7)) {
    let body = "MA" + rng.int(1, 9)
    for (let i = 0; i < 5; i++) body += rng.pick(CODE_CHARS)
    return body
  }
  return rng.faker.string.numeric({ length: 8, allowLeadingZeros: false })
}

function buildSuppliers(rng: Rng): SupplierSeed[] {
  const kindOfLeaf = leafKinds()
  const seenCodes = new Set<string>()
  return SUPPLIERS.map((def, index) => {
    let credit = buildCreditCode(def.regionCode, orgCodeBody(rng))
    while (seenCodes.has(credit)) credit = buildCreditCode(def.regionCode, orgCodeBody(rng))
    seenCodes.add(credit)
    const kinds = new Set(def.categories.map((handle) => {
      const kind = kindOfLeaf.get(handle)
      if (!kind) throw new Error(`supplier ${def.name} lists unknown category ${handle}`)
      return kind
    }))
    return {
      code: `SUP-${String(index + 1).padStart(3, "0")}`,
      name: def.name,
      credit_code: credit,
      region: def.province === def.city ? def.province : def.province + def.city,
      contact_name: rng.pick(SURNAMES) + rng.faker.person.firstName(),
      contact_phone: rng.pick(MOBILE_PREFIXES) + rng.faker.string.numeric(8),
      kinds: KIND_ORDER.filter((k) => kinds.has(k)),
    }
  })
}

// ---------------------------------------------------------------------------
// Categories
// ---------------------------------------------------------------------------

function buildCategories(): CategorySeed[] {
  const out: CategorySeed[] = []
  for (const top of CATEGORY_TREE) {
    out.push({ handle: top.handle, name_zh: top.name_zh, name_en: top.name_en, kind: top.kind, color: top.color })
    top.children.forEach((leaf, i) => {
      const [towards, amount] = CHILD_SHADES[i % CHILD_SHADES.length]
      out.push({
        handle: leaf.handle,
        name_zh: leaf.name_zh,
        name_en: leaf.name_en,
        kind: top.kind,
        color: mixHex(top.color, towards, amount),
        parent_handle: top.handle,
      })
    })
  }
  return out
}

// ---------------------------------------------------------------------------
// Products
// ---------------------------------------------------------------------------

interface Combo {
  brand?: string
  model?: ModelDef
  style: StyleDef
}

interface Draft {
  title: string
  subtitle: string
  description: string
  specs: Specs
  options: { title: string; values: string[] }[]
  variants: { title: string; options: Record<string, string>; price_cny: number }[]
  rental?: ProductSeed["rental"]
  service?: ProductSeed["service"]
  /** Central stock before channel-dependent adjustments. */
  centralStock: number
}

interface BuildContext {
  rng: Rng
  leaf: LeafCategoryDef
  template: ProductTemplate
  supplier: SupplierDef
  combo: Combo
  takenModels: Set<string>
}

const styleLabel = (style: StyleDef): string => (typeof style === "string" ? style : style.label)
const styleMult = (style: StyleDef): number => (typeof style === "string" ? 1 : style.mult ?? 1)
const styleSpecs = (style: StyleDef): Specs => (typeof style === "string" ? {} : { ...style.specs })

function attributeLabel(key: string): { label: string; unit: string } {
  const attr = ATTRIBUTES.find((a) => a.key === key)
  if (!attr) throw new Error(`spec key ${key} is not declared`)
  return { label: attr.label_zh, unit: attr.unit ?? "" }
}

/** "处理器飞腾 D2000，内存16GB" — a readable clause for the description. */
function specClause(specs: Specs, keys: readonly string[]): string {
  return keys
    .filter((k) => specs[k] !== undefined && typeof specs[k] !== "boolean")
    .map((k) => {
      const { label, unit } = attributeLabel(k)
      return `${label}${specs[k]}${unit}`
    })
    .join("，")
}

/** Keys already described elsewhere in the text; the rest of the template's specs are listed. */
const GENERAL_KEYS = new Set([
  "brand", "model", "dimensions", "weight_kg", "material", "power", "warranty_months", "energy_label",
  "origin_region", "after_sales_response_hours", "color", "carbon_neutral", "min_rental_period", "deposit_cny",
  "delivery_included", "service_area", "team_size", "service_hours", "certification", "net_content",
  "shelf_life_days", "storage_method", "craft",
])

function extraSpecKeys(specs: Specs): string[] {
  return Object.keys(specs).filter((k) => !GENERAL_KEYS.has(k))
}

function uniqueModel(ctx: BuildContext, brand: string): string {
  const prefix = BRANDS[brand]?.prefix ?? "GW"
  for (;;) {
    const suffix = ctx.template.modelSuffixes ? ctx.rng.pick(ctx.template.modelSuffixes) : ""
    const model = `${prefix}-${ctx.rng.int(1000, 9899)}${suffix}`
    if (!ctx.takenModels.has(model)) {
      ctx.takenModels.add(model)
      return model
    }
  }
}

function sizeValue(rng: Rng, [min, max]: readonly [number, number]): number {
  const v = rng.int(min, max)
  return v >= 500 ? Math.round(v / 10) * 10 : v
}

function dimensionsOf(rng: Rng, t: ProductTemplate): string | undefined {
  if (!t.dims) return undefined
  return t.dims.map((r) => sizeValue(rng, r)).join("×")
}

function weightOf(rng: Rng, t: ProductTemplate): number | undefined {
  if (!t.weight) return undefined
  const [min, max] = t.weight
  return rng.between(min, max, max < 1 ? 2 : max < 100 ? 1 : 0)
}

function powerOf(rng: Rng, t: ProductTemplate): number | undefined {
  if (!t.power) return undefined
  const p = rng.int(t.power[0], t.power[1])
  return p >= 1000 ? Math.round(p / 100) * 100 : p >= 100 ? Math.round(p / 10) * 10 : p
}

function optionalSpec(key: string, value: SpecValue | undefined): Specs {
  return value === undefined ? {} : { [key]: value }
}

function templateSpecs(rng: Rng, t: ProductTemplate): Specs {
  const out: Specs = {}
  for (const [key, source] of Object.entries(t.specs ?? {})) out[key] = drawSpec(rng, source)
  return out
}

/** Picks 1..n option values and prices them relative to the first one. */
function optionVariants(
  rng: Rng,
  title: string,
  values: readonly OptionValueDef[],
  basePrice: number,
  maxCount = 3,
): Pick<Draft, "options" | "variants"> {
  const count = rng.int(1, Math.min(maxCount, values.length))
  const chosen = rng.orderedSubset(values, count)
  return {
    options: [{ title, values: chosen.map((v) => v.value) }],
    variants: chosen.map((v) => ({ title: v.value, options: { [title]: v.value }, price_cny: prettyPrice(basePrice * v.mult) })),
  }
}

/** Heavy or high-power goods are delivered and installed on site. */
function needsInstallation(specs: Specs): boolean {
  const weight = typeof specs.weight_kg === "number" ? specs.weight_kg : 0
  const power = typeof specs.power === "number" ? specs.power : 0
  return weight >= 20 || power >= 1000
}

function afterSalesSentence(hours: number, supplier: SupplierDef, warranty: number | undefined, install: boolean): string {
  const warrantyPart = warranty ? `整机质保${warranty}个月，` : ""
  return `${warrantyPart}售后${hours}小时内响应，由${supplier.name}负责供货${install ? "、安装" : ""}与售后。`
}

/** Warehouse stock shrinks with the unit price, as a real distributor would hold it. */
function stockFor(rng: Rng, unitPrice: number): number {
  if (unitPrice > 5000) return rng.int(3, 40)
  if (unitPrice > 500) return rng.int(10, 150)
  return rng.int(60, 900)
}

function buildGoods(ctx: BuildContext): Draft {
  const { rng, template: t, supplier, combo } = ctx
  const brand = combo.brand ?? rng.pick(ctx.leaf.brands)
  const model = uniqueModel(ctx, brand)
  const style = styleLabel(combo.style)
  const [featA, featB, featC] = rng.shuffle(t.features)

  const basePrice = rng.between(t.price[0], t.price[1], 2) * styleMult(combo.style)
  let colorSpec: string
  let options: Draft["options"]
  let variants: Draft["variants"]
  const colors = t.colors ?? ["黑色"]
  if (t.variant === "color" || !t.variant) {
    const count = t.variant === "color" ? rng.int(1, Math.min(3, colors.length)) : 1
    const chosen = rng.orderedSubset(colors, count)
    const price = prettyPrice(basePrice)
    colorSpec = chosen.join("、")
    options = [{ title: "颜色", values: chosen }]
    variants = chosen.map((c) => ({ title: c, options: { 颜色: c }, price_cny: price }))
  } else {
    colorSpec = rng.pick(colors)
    ;({ options, variants } = optionVariants(rng, t.variant.title, t.variant.values, basePrice))
  }

  const warranty = t.warranty ? rng.pick(t.warranty) : undefined
  const power = powerOf(rng, t)
  const specs: Specs = {
    brand,
    model,
    ...optionalSpec("dimensions", dimensionsOf(rng, t)),
    ...optionalSpec("weight_kg", weightOf(rng, t)),
    material: rng.pick(t.materials ?? ["ABS塑料"]),
    color: colorSpec,
    energy_label: rng.pick(t.energyLabels ?? ["无"]),
    origin_region: BRANDS[brand]?.origin ?? supplier.province + supplier.city,
    after_sales_response_hours: rng.pick(t.responseHours ?? [8, 24, 48]),
    carbon_neutral: rng.chance(t.carbonShare ?? 0.2),
    ...(power !== undefined ? { power } : {}),
    ...(warranty !== undefined ? { warranty_months: warranty } : {}),
    ...templateSpecs(rng, t),
    ...styleSpecs(combo.style),
  }

  const energy = specs.energy_label !== "无" ? `，节能认证为“${specs.energy_label}”` : ""
  const powerPart = power !== undefined ? `，额定功率${power}W` : ""
  const sentences = [
    `${brand}${t.noun}${model}（${style}），${featA}。`,
    `产品尺寸${specs.dimensions}mm，重量${specs.weight_kg}kg，材质为${specs.material}${powerPart}${energy}。`,
  ]
  const extra = specClause(specs, extraSpecKeys(specs))
  if (extra) sentences.push(`主要参数：${extra}。`)
  else if (featB) sentences.push(`${featB}。`)
  sentences.push(afterSalesSentence(specs.after_sales_response_hours as number, supplier, warranty, needsInstallation(specs)))

  return {
    title: `${brand}${t.noun} ${model} ${style}`,
    subtitle: featC ?? featB ?? featA,
    description: sentences.join(""),
    specs,
    options,
    variants,
    centralStock: stockFor(rng, variants[0].price_cny),
  }
}

const PERIOD_DAYS: Readonly<Record<PeriodUnit, number>> = { day: 1, week: 7, month: 30 }
/** Longer periods are cheaper per day. */
const PERIOD_DISCOUNT: Readonly<Record<PeriodUnit, number>> = { day: 1, week: 0.8, month: 0.6 }

function periodFactor(unit: PeriodUnit, baseUnit: PeriodUnit): number {
  return (PERIOD_DAYS[unit] / PERIOD_DAYS[baseUnit]) * (PERIOD_DISCOUNT[unit] / PERIOD_DISCOUNT[baseUnit])
}

function regionName(supplier: SupplierDef): string {
  return supplier.province === supplier.city ? supplier.province : supplier.province + supplier.city
}

function buildRental(ctx: BuildContext): Draft {
  const { rng, template: t, supplier, combo } = ctx
  const style = styleLabel(combo.style)
  const [featA, featB, featC] = rng.shuffle(t.features)
  const unit = t.periodUnit ?? "day"
  const periods = t.periods ?? [unit]
  const minPeriods = rng.pick(t.minPeriods ?? [1])
  const deposit = Math.round(rng.int(t.deposit?.[0] ?? 500, t.deposit?.[1] ?? 2000) / 100) * 100
  const basePrice = rng.between(t.price[0], t.price[1], 2) * styleMult(combo.style)
  const hours = rng.pick(t.responseHours ?? [2, 4])
  const isVenue = ctx.leaf.handle === "venue-rental"

  const specs: Specs = {}
  let title: string
  if (combo.model) {
    specs.brand = combo.model.brand
    specs.model = combo.model.model
    Object.assign(specs, combo.model.specs)
    title = `${combo.model.brand} ${combo.model.model} ${t.noun}（${style}）`
  } else if (isVenue) {
    specs.service_area = regionName(supplier)
    title = "" // needs the capacity drawn below
  } else {
    const brand = combo.brand ?? rng.pick(ctx.leaf.brands)
    specs.brand = brand
    specs.model = uniqueModel(ctx, brand)
    specs.origin_region = BRANDS[brand]?.origin ?? regionName(supplier)
    title = `${brand}${t.noun} ${specs.model} ${style}`
  }
  const power = powerOf(rng, t)
  if (power !== undefined) specs.power = power
  const weight = weightOf(rng, t)
  if (weight !== undefined) specs.weight_kg = weight
  Object.assign(specs, templateSpecs(rng, t), styleSpecs(combo.style))
  specs.min_rental_period = `${minPeriods}${PERIOD_LABELS[unit].minUnit}`
  specs.deposit_cny = deposit
  specs.after_sales_response_hours = hours
  specs.delivery_included = isVenue ? false : combo.model ? rng.chance(0.5) : true
  // Vehicles earn the 双碳 label by their drive train; everything else by chance.
  specs.carbon_neutral =
    typeof specs.fuel_type === "string" ? ["纯电动", "插电混动"].includes(specs.fuel_type) : rng.chance(t.carbonShare ?? 0.2)
  if (isVenue) {
    const city = supplier.city.replace(/市$/, "")
    title = `${city}${style}${t.noun}（${specs.capacity_people}人）`
  }

  const variants = periods.map((p) => {
    const label = PERIOD_LABELS[p].option
    return { title: label, options: { 租期: label }, price_cny: prettyPrice(basePrice * periodFactor(p, unit)) }
  })
  const periodText = periods.map((p) => PERIOD_LABELS[p].option).join("、")
  const extra = specClause(specs, extraSpecKeys(specs).filter((k) => k !== "brand"))
  const sentences = [
    `${featA}，${featB ?? featA}。`,
    `支持${periodText}租用，最短${specs.min_rental_period}起租，押金${deposit}元，到期验收归还后退还。`,
  ]
  if (extra) sentences.push(`主要参数：${extra}。`)
  sentences.push(`租赁期间${hours}小时内响应故障与服务需求，由${supplier.name}负责${specs.delivery_included ? "送装与回收" : "交付与回收"}。`)

  const stock = t.stock ?? [5, 20]
  return {
    title,
    subtitle: `${specs.min_rental_period}起租 · 押金¥${deposit} · ${featC ?? style}`,
    description: sentences.join(""),
    specs,
    options: [{ title: "租期", values: variants.map((v) => v.title) }],
    variants,
    rental: { period_unit: unit, min_periods: minPeriods, deposit_cny: deposit },
    centralStock: rng.int(stock[0], stock[1]),
  }
}

function coverageOf(supplier: SupplierDef, scope: ProductTemplate["coverage"]): string {
  const municipality = supplier.province.endsWith("市")
  switch (scope) {
    case "national":
      return "全国"
    case "province":
      return municipality ? `${supplier.province}全市` : `${supplier.province}全省`
    default:
      return municipality ? `${supplier.province}${supplier.city}及周边` : `${supplier.city}全域`
  }
}

function buildService(ctx: BuildContext): Draft {
  const { rng, template: t, supplier, combo } = ctx
  const style = styleLabel(combo.style)
  const [featA, featB, featC] = rng.shuffle(t.features)
  const hours = rng.pick(t.responseHours ?? [2, 4])
  const coverage = coverageOf(supplier, t.coverage)
  const team = rng.int(t.teamSize?.[0] ?? 3, t.teamSize?.[1] ?? 20)
  const certs = rng.orderedSubset(t.certifications ?? ["ISO 9001"], rng.int(1, Math.min(2, t.certifications?.length ?? 1)))
  const basePrice = rng.between(t.price[0], t.price[1], 2) * styleMult(combo.style)
  const billing = t.billing ?? "按次"

  const specs: Specs = {
    service_area: coverage,
    team_size: team,
    after_sales_response_hours: hours,
    service_hours: rng.pick(t.serviceHours ?? ["工作日 8:30-17:30"]),
    certification: certs.join("、"),
    carbon_neutral: rng.chance(t.carbonShare ?? 0.15),
    ...templateSpecs(rng, t),
    ...styleSpecs(combo.style),
  }

  const variants = SERVICE_PACKAGES.map((p) => ({
    title: `${p.value}套餐`,
    options: { 服务套餐: p.value },
    price_cny: prettyPrice(basePrice * p.mult),
  }))
  const extra = specClause(specs, extraSpecKeys(specs))
  const sentences = [
    `${supplier.short}${t.noun}（${style}）：${featA}，${featB ?? featA}。`,
    `服务团队${team}人，服务时段${specs.service_hours}，具备${specs.certification}${extra ? `，${extra}` : ""}。`,
    `提供基础、标准、高级三档套餐（${billing}计费），标准套餐${SERVICE_PACKAGES[1].note}，高级套餐${SERVICE_PACKAGES[2].note}；服务区域${coverage}，${hours}小时内响应。`,
  ]
  return {
    title: `${supplier.short}${t.noun}·${style}`,
    subtitle: `${billing}计费 · ${hours}小时响应 · ${featC ?? coverage}`,
    description: sentences.join(""),
    specs,
    options: [{ title: "服务套餐", values: SERVICE_PACKAGES.map((p) => p.value) }],
    variants,
    service: { response_hours: hours, coverage, delivery_mode: t.delivery ?? "onsite" },
    centralStock: SERVICE_STOCK,
  }
}

function buildSpecialty(ctx: BuildContext): Draft {
  const { rng, template: t, supplier, combo } = ctx
  const brand = combo.brand ?? rng.pick(ctx.leaf.brands)
  const style = styleLabel(combo.style)
  const [featA, featB, featC] = rng.shuffle(t.features)
  const origin = t.origin ?? BRANDS[brand]?.origin ?? regionName(supplier)
  const basePrice = rng.between(t.price[0], t.price[1], 2) * styleMult(combo.style)
  // Branded technology products carry model numbers; food and crafts do not.
  const model = t.modelSuffixes ? uniqueModel(ctx, brand) : undefined

  let options: Draft["options"]
  let variants: Draft["variants"]
  let colorSpec: string | undefined
  if (t.variant === "color") {
    const chosen = rng.orderedSubset(t.colors ?? ["原色"], rng.int(1, Math.min(3, t.colors?.length ?? 1)))
    const price = prettyPrice(basePrice)
    colorSpec = chosen.join("、")
    options = [{ title: "颜色", values: chosen }]
    variants = chosen.map((c) => ({ title: c, options: { 颜色: c }, price_cny: price }))
  } else {
    const def = t.variant ?? { title: "规格", values: [{ value: "标准装", mult: 1 }] }
    ;({ options, variants } = optionVariants(rng, def.title, def.values, basePrice))
  }

  const warranty = t.warranty ? rng.pick(t.warranty) : undefined
  const power = powerOf(rng, t)
  const dims = dimensionsOf(rng, t)
  const weight = weightOf(rng, t)
  const specs: Specs = {
    brand,
    ...(model ? { model } : {}),
    origin_region: origin,
    after_sales_response_hours: rng.pick(t.responseHours ?? [24, 48]),
    carbon_neutral: rng.chance(t.carbonShare ?? 0.2),
    ...(dims ? { dimensions: dims } : {}),
    ...(weight !== undefined ? { weight_kg: weight } : {}),
    ...(t.materials ? { material: rng.pick(t.materials) } : {}),
    ...(colorSpec ? { color: colorSpec } : {}),
    ...(power !== undefined ? { power } : {}),
    ...(warranty !== undefined ? { warranty_months: warranty } : {}),
    ...(t.variantIsNetContent ? { net_content: options[0].values[0] } : {}),
    ...templateSpecs(rng, t),
    ...styleSpecs(combo.style),
  }

  const sentences = [`${brand}${t.noun}${model ?? ""}（${style}）产自${origin}，${featA}，${featB ?? featA}。`]
  if (specs.shelf_life_days !== undefined) {
    sentences.push(`净含量${specs.net_content}，保质期${specs.shelf_life_days}天，${specs.storage_method}储存。`)
  } else if (specs.craft !== undefined) {
    sentences.push(`采用${specs.craft}工艺，材质为${specs.material}，尺寸约${specs.dimensions}mm。`)
  }
  const extra = specClause(specs, extraSpecKeys(specs))
  if (extra) sentences.push(`主要参数：${extra}。`)
  // Specialty products are shipped, never installed.
  sentences.push(afterSalesSentence(specs.after_sales_response_hours as number, supplier, warranty, false))

  return {
    title: model ? `${brand}${t.noun} ${model} ${style}` : `${brand} ${t.noun} ${style}`,
    subtitle: specs.shelf_life_days !== undefined ? `${origin}原产 · ${featC ?? style}` : featC ?? featB ?? featA,
    description: sentences.join(""),
    specs,
    options,
    variants,
    centralStock: stockFor(rng, variants[0].price_cny),
  }
}

const BUILDERS: Readonly<Record<OfferKind, (ctx: BuildContext) => Draft>> = {
  goods: buildGoods,
  rental: buildRental,
  service: buildService,
  specialty: buildSpecialty,
}

/** Derived specs that must agree with others, whatever the template drew. */
function harmonise(specs: Specs): void {
  const cpu = specs.cpu
  if (typeof cpu === "string") specs.xinchuang = DOMESTIC_CPU_FAMILIES.some((family) => cpu.startsWith(family))
}

function tagsFor(kind: OfferKind, leaf: string, t: ProductTemplate, specs: Specs, isNew: boolean): string[] {
  const tags: string[] = []
  if (
    (typeof specs.energy_label === "string" && ENERGY_SAVING_LABELS.includes(specs.energy_label)) ||
    leaf === "energy-lighting" ||
    leaf === "energy-retrofit"
  ) {
    tags.push("节能")
  }
  if (specs.carbon_neutral === true) tags.push("双碳")
  if (specs.xinchuang === true) tags.push("信创")
  if (leaf === "local-specialties" || leaf === "intangible-heritage" || leaf === "cultural-creative") tags.push("本地特色")
  if (leaf === "intangible-heritage") tags.push("非遗")
  if (leaf === "cultural-creative") tags.push("文创")
  if (leaf === "high-tech-products") tags.push("高新技术")
  if (kind === "rental" && specs.driver_included === true) tags.push("含驾驶员")
  for (const tag of t.tags ?? []) if (!tags.includes(tag)) tags.push(tag)
  if (isNew) tags.push("新品")
  return tags
}

/** Splits `total` over `parts` as evenly as possible, earlier parts taking the remainder. */
function spread(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0))
}

interface PendingProduct {
  product: Omit<ProductSeed, "variants" | "channels"> & { channels: ChannelKey[] }
  variants: Draft["variants"]
  centralStock: number
}

function buildProducts(rng: Rng, suppliers: SupplierSeed[]): PendingProduct[] {
  const codeOf = new Map(SUPPLIERS.map((def, i) => [def.name, suppliers[i].code]))
  const takenModels = new Set<string>()
  const takenTitles = new Set<string>()
  const comboQueues = new Map<string, Combo[]>()
  const supplierTurn = new Map<string, number>()
  const pending: PendingProduct[] = []

  const nextCombo = (key: string, make: () => Combo[]): Combo => {
    let queue = comboQueues.get(key)
    if (!queue || queue.length === 0) {
      queue = rng.shuffle(make())
      comboQueues.set(key, queue)
    }
    return queue.shift() as Combo
  }

  for (const top of CATEGORY_TREE) {
    const counts = spread(top.productCount, top.children.length)
    top.children.forEach((leaf, leafIndex) => {
      for (let i = 0; i < counts[leafIndex]; i++) {
        const template = leaf.templates[i % leaf.templates.length]
        const supplier = pickSupplier(leaf, template, supplierTurn)
        const perSupplier = top.kind === "service" || leaf.handle === "venue-rental"
        const queueKey = perSupplier ? `${leaf.handle}/${template.slug}/${supplier.name}` : `${leaf.handle}/${template.slug}`
        const makeCombos = (): Combo[] => combosFor(top, leaf, template, perSupplier)

        let draft: Draft | undefined
        for (let attempt = 0; attempt < 20 && !draft; attempt++) {
          const candidate = BUILDERS[top.kind]({ rng, leaf, template, supplier, combo: nextCombo(queueKey, makeCombos), takenModels })
          if (!takenTitles.has(candidate.title)) draft = candidate
        }
        if (!draft) throw new Error(`could not find a distinct title for ${template.noun}`)
        takenTitles.add(draft.title)
        harmonise(draft.specs)

        const seq = pending.length + 1
        pending.push({
          product: {
            handle: `gwc-${String(seq).padStart(4, "0")}-${template.slug}`,
            title: draft.title,
            subtitle: draft.subtitle,
            description: draft.description,
            kind: top.kind,
            category_handle: leaf.handle,
            supplier_code: codeOf.get(supplier.name) as string,
            specs: draft.specs,
            options: draft.options,
            ...(draft.rental ? { rental: draft.rental } : {}),
            ...(draft.service ? { service: draft.service } : {}),
            tags: tagsFor(top.kind, leaf.handle, template, draft.specs, rng.chance(NEW_PRODUCT_SHARE)),
            channels: ["online"],
          },
          variants: draft.variants,
          centralStock: draft.centralStock,
        })
      }
    })
  }
  return pending
}

function combosFor(top: TopCategoryDef, leaf: LeafCategoryDef, t: ProductTemplate, perSupplier: boolean): Combo[] {
  if (perSupplier) return t.styles.map((style) => ({ style }))
  const combos: Combo[] = []
  if (t.models) {
    for (const model of t.models) for (const style of t.styles) combos.push({ model, style })
    return combos
  }
  const brands = t.brands ?? leaf.brands
  if (brands.length === 0) throw new Error(`${top.handle}/${leaf.handle}/${t.slug} has no brands`)
  for (const brand of brands) for (const style of t.styles) combos.push({ brand, style })
  return combos
}

/** Round-robin over the suppliers serving the leaf, preferring those from the product's home province. */
function pickSupplier(leaf: LeafCategoryDef, t: ProductTemplate, turns: Map<string, number>): SupplierDef {
  const serving = SUPPLIERS.filter((s) => s.categories.includes(leaf.handle))
  if (serving.length === 0) throw new Error(`no supplier serves ${leaf.handle}`)
  const local = t.province ? serving.filter((s) => s.province === t.province) : []
  const pool = local.length > 0 ? local : serving
  const key = `${leaf.handle}|${local.length > 0 ? t.province : ""}`
  const turn = turns.get(key) ?? 0
  turns.set(key, turn + 1)
  return pool[turn % pool.length]
}

/** Deterministically adds showroom and livestream channels, then fills in stock per location. */
function finishProducts(rng: Rng, pending: PendingProduct[]): ProductSeed[] {
  for (const kind of KIND_ORDER) {
    const ofKind = pending.filter((p) => p.product.kind === kind)
    // Venues cannot be displayed in the experience centre; everything else can.
    const displayable = ofKind.filter((p) => p.product.category_handle !== "venue-rental")
    for (const p of rng.shuffle(displayable).slice(0, SHOWROOM_PICKS[kind])) p.product.channels.push("showroom")
    for (const p of rng.shuffle(ofKind).slice(0, LIVESTREAM_PICKS[kind])) p.product.channels.push("livestream")
  }
  return pending.map(({ product, variants, centralStock }) => {
    const kind = product.kind
    const inShowroom = product.channels.includes("showroom")
    const seeded: VariantSeed[] = variants.map((v, j) => {
      let central = centralStock
      let experience = 0
      if (kind === "service") {
        central = SERVICE_STOCK
        experience = SERVICE_STOCK
      } else {
        // Later variants (bigger packs, extra colours) get less stock; rental periods share one fleet.
        if (kind !== "rental") central = Math.max(1, Math.round(centralStock / (j + 1)))
        if (inShowroom) experience = kind === "specialty" ? rng.int(5, 30) : rng.int(1, 4)
      }
      return {
        title: v.title,
        sku: `${SKU_PREFIX[kind]}-${product.handle.slice(4, 8)}-${String(j + 1).padStart(2, "0")}`,
        options: v.options,
        price_cny: v.price_cny,
        inventory: { central, experience },
      }
    })
    return { ...product, variants: seeded }
  })
}

// ---------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------

/** Builds the whole demo catalogue from a seed; pure and deterministic. */
export function generateCatalogue(seed: number = DEFAULT_SEED): Catalogue {
  const faker = new Faker({ locale: [zh_CN, base] })
  faker.seed(seed)
  const rng = new Rng(faker)

  const suppliers = buildSuppliers(rng)
  const categories = buildCategories()
  const products = finishProducts(rng, buildProducts(rng, suppliers))

  return {
    seed,
    suppliers,
    categories,
    attributes: ATTRIBUTES.map((a) => ({ ...a })),
    products,
  }
}
