import { z } from "@medusajs/framework/zod"
import { SPEC_ATTRIBUTES, type SpecAttribute } from "./spec-attributes"

/**
 * A supplier's listing (商品): the input a supplier sends, the snapshot a listing change keeps,
 * and the diff the operator reviews. Pure code (no container), shared by the portal routes, the
 * CSV import and the review workflow.
 */

export const PRODUCT_NOT_FOUND = "商品不存在 / Product not found"
export const LOCATION_NOT_FOUND = "仓库不存在 / Stock location not found"

export const OFFER_KINDS = ["goods", "rental", "service", "specialty"] as const
export type OfferKind = (typeof OFFER_KINDS)[number]

/** A spec as products store it in `metadata.specs`, exactly like the seeded catalogue. */
export interface StoredSpec {
  key: string
  label_zh: string
  label_en: string
  unit: string | null
  value: string | number | boolean
}

export interface RentalTerms {
  period_unit: "day" | "week" | "month"
  price_per_period_cny: number
  deposit_cny: number
  min_periods: number
  max_periods: number
}

export interface ServiceTerms {
  service_area: string
  response_hours: number
  unit: string
  delivery_mode: "onsite" | "remote" | "both"
}

export interface SnapshotPrice {
  variant_id: string | null
  variant_title: string
  sku?: string | null
  price_cny: number
}

/**
 * What a listing change proposes (and, for updates, what it replaces). A new listing's change
 * holds every field; an update's only the reviewed fields that differ from the live product.
 */
export interface ListingSnapshot {
  title?: string
  subtitle?: string | null
  description?: string
  kind?: OfferKind
  category_id?: string
  specs?: StoredSpec[]
  prices?: SnapshotPrice[]
  rental?: RentalTerms | null
  service?: ServiceTerms | null
  image_urls?: string[]
}

/** Fields of a live listing the public keeps seeing unchanged until the operator approves. */
export const REVIEWED_FIELDS = ["title", "category_id", "specs", "prices", "rental", "service"] as const
export type ReviewedField = (typeof REVIEWED_FIELDS)[number]

// ---------------------------------------------------------------------------
// Input schema
// ---------------------------------------------------------------------------

/** True for a positive amount with at most two decimals (分). */
export function isCnyAmount(value: number, { allowZero = false } = {}): boolean {
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) return false
  const cents = value * 100
  return Math.abs(cents - Math.round(cents)) < 1e-6
}

const text = (max: number) => z.string().trim().min(1).max(max)

export const PriceCny = z
  .number({ error: "价格须为数字 / price must be a number" })
  .max(100_000_000, "价格过高 / price is too high (at most 100,000,000)")
  .refine((v) => isCnyAmount(v), "价格须大于 0 且最多两位小数 / price must be greater than 0 with at most 2 decimals")

const AmountCny = z
  .number({ error: "金额须为数字 / amount must be a number" })
  .max(100_000_000, "金额过高 / amount is too high")
  .refine((v) => isCnyAmount(v, { allowZero: true }), "金额须不小于 0 且最多两位小数 / amount must be 0 or more with at most 2 decimals")

export const SpecInput = z
  .object({
    key: text(60),
    value: z.union([z.string().trim().min(1).max(500), z.number().finite(), z.boolean()], { error: "规格值须为文字、数字或是/否 / a spec value is text, a number or true/false" }),
    unit: z.string().trim().max(20).optional(),
  })
  .strict()
export type SpecInput = z.infer<typeof SpecInput>

export const RentalInput = z
  .object({
    period_unit: z.enum(["day", "week", "month"]),
    price_per_period_cny: PriceCny,
    deposit_cny: AmountCny,
    min_periods: z.number().int().min(1).max(1000),
    max_periods: z.number().int().min(1).max(1000),
  })
  .strict()
  .refine((r) => r.min_periods <= r.max_periods, { message: "最短租期不能大于最长租期 / min_periods must not exceed max_periods", path: ["min_periods"] })

export const ServiceInput = z
  .object({
    service_area: text(200),
    response_hours: z.number().positive().max(720),
    unit: text(20),
    delivery_mode: z.enum(["onsite", "remote", "both"]).default("onsite"),
  })
  .strict()

const OptionInput = z.object({ title: text(50), values: z.array(text(100)).min(1).max(100) }).strict()

const VariantInput = z
  .object({
    title: text(100),
    sku: z.string().trim().min(1).max(100).regex(/^[A-Za-z0-9][A-Za-z0-9._\-/]*$/, "SKU 只能包含字母、数字和 . _ - / / SKU may hold letters, digits and . _ - /").optional(),
    options: z.record(z.string(), z.string().trim().min(1).max(100)).optional(),
    price_cny: PriceCny,
  })
  .strict()

const StockInput = z
  .object({
    variant_index: z.number().int().min(0),
    location_id: text(100),
    quantity: z.number().int().min(0).max(10_000_000),
  })
  .strict()

const ImageUrls = z.array(text(500)).max(20)

function checkSpecKeys(specs: { key: string }[] | undefined, ctx: z.RefinementCtx) {
  const seen = new Set<string>()
  for (const [i, spec] of (specs ?? []).entries()) {
    const key = canonicalSpecKey(spec.key)
    if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["specs", i, "key"], message: `规格 “${spec.key}” 重复 / spec "${spec.key}" is given twice` })
    seen.add(key)
  }
}

export const ListingInput = z
  .object({
    title: text(200),
    subtitle: z.string().trim().max(300).optional(),
    description: text(20_000),
    kind: z.enum(OFFER_KINDS),
    category_id: text(100),
    specs: z.array(SpecInput).max(100).default([]),
    image_urls: ImageUrls.default([]),
    options: z.array(OptionInput).min(1).max(5).optional(),
    variants: z.array(VariantInput).min(1).max(100),
    rental: RentalInput.optional(),
    service: ServiceInput.optional(),
    stock: z.array(StockInput).max(10_000).optional(),
  })
  .strict()
  .superRefine((listing, ctx) => {
    if (listing.kind === "rental" && !listing.rental) ctx.addIssue({ code: "custom", path: ["rental"], message: "租赁商品须填写租赁条款 / a rental needs rental terms" })
    if (listing.kind !== "rental" && listing.rental) ctx.addIssue({ code: "custom", path: ["rental"], message: "只有租赁商品有租赁条款 / only rentals have rental terms" })
    if (listing.kind === "service" && !listing.service) ctx.addIssue({ code: "custom", path: ["service"], message: "服务须填写服务条款 / a service needs service terms" })
    if (listing.kind !== "service" && listing.service) ctx.addIssue({ code: "custom", path: ["service"], message: "只有服务有服务条款 / only services have service terms" })
    checkSpecKeys(listing.specs, ctx)
    const titles = new Set<string>()
    const skus = new Set<string>()
    const combos = new Set<string>()
    listing.variants.forEach((variant, i) => {
      if (titles.has(variant.title)) ctx.addIssue({ code: "custom", path: ["variants", i, "title"], message: `规格名称 “${variant.title}” 重复 / variant title "${variant.title}" is used twice` })
      titles.add(variant.title)
      if (variant.sku) {
        if (skus.has(variant.sku)) ctx.addIssue({ code: "custom", path: ["variants", i, "sku"], message: `SKU ${variant.sku} 重复 / SKU ${variant.sku} is used twice` })
        skus.add(variant.sku)
      }
      if (listing.options) {
        const given = variant.options ?? {}
        for (const option of listing.options) {
          const value = given[option.title]
          if (value === undefined) ctx.addIssue({ code: "custom", path: ["variants", i, "options"], message: `缺少选项 “${option.title}” / missing a value for option "${option.title}"` })
          else if (!option.values.includes(value)) ctx.addIssue({ code: "custom", path: ["variants", i, "options"], message: `选项 “${option.title}” 没有值 “${value}” / option "${option.title}" has no value "${value}"` })
        }
        for (const name of Object.keys(given)) {
          if (!listing.options.some((o) => o.title === name)) ctx.addIssue({ code: "custom", path: ["variants", i, "options"], message: `未知选项 “${name}” / unknown option "${name}"` })
        }
        const combo = listing.options.map((o) => given[o.title]).join("\u0001")
        if (combos.has(combo)) ctx.addIssue({ code: "custom", path: ["variants", i, "options"], message: "两个规格的选项值相同 / two variants have the same option values" })
        combos.add(combo)
      } else if (variant.options && Object.keys(variant.options).length) {
        ctx.addIssue({ code: "custom", path: ["variants", i, "options"], message: "未定义 options 时规格不能带选项 / variant options need product options" })
      }
    })
    const stockKeys = new Set<string>()
    for (const [i, level] of (listing.stock ?? []).entries()) {
      if (level.variant_index >= listing.variants.length) {
        ctx.addIssue({ code: "custom", path: ["stock", i, "variant_index"], message: `没有第 ${level.variant_index} 个规格 / there is no variant at index ${level.variant_index}` })
      }
      const key = `${level.variant_index}@${level.location_id}`
      if (stockKeys.has(key)) ctx.addIssue({ code: "custom", path: ["stock", i], message: "同一规格和仓库的库存重复 / stock for this variant and location is given twice" })
      stockKeys.add(key)
    }
  })
export type ListingInput = z.infer<typeof ListingInput>

export const ListingUpdate = z
  .object({
    title: text(200).optional(),
    subtitle: z.string().trim().max(300).nullable().optional(),
    description: text(20_000).optional(),
    category_id: text(100).optional(),
    specs: z.array(SpecInput).max(100).optional(),
    image_urls: ImageUrls.optional(),
    variants: z.array(z.object({ id: text(100), price_cny: PriceCny }).strict()).min(1).max(100).optional(),
    rental: RentalInput.optional(),
    service: ServiceInput.optional(),
  })
  .strict()
  .superRefine((update, ctx) => {
    if (!Object.values(update).some((v) => v !== undefined)) ctx.addIssue({ code: "custom", path: [], message: "没有要修改的内容 / nothing to change" })
    checkSpecKeys(update.specs, ctx)
    const ids = new Set<string>()
    for (const [i, variant] of (update.variants ?? []).entries()) {
      if (ids.has(variant.id)) ctx.addIssue({ code: "custom", path: ["variants", i, "id"], message: "规格重复 / variant given twice" })
      ids.add(variant.id)
    }
  })
export type ListingUpdate = z.infer<typeof ListingUpdate>

/** "variants.0.price_cny: price must be …" — the first problems of a failed parse, for 400s and CSV rows. */
export function describeIssues(error: z.ZodError, limit = 3): string {
  return error.issues
    .slice(0, limit)
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ")
}

// ---------------------------------------------------------------------------
// Specs
// ---------------------------------------------------------------------------

const BY_KEY = new Map<string, SpecAttribute>(SPEC_ATTRIBUTES.map((a) => [a.key, a]))
const BY_LABEL = new Map<string, SpecAttribute>()
for (const a of SPEC_ATTRIBUTES) {
  if (!BY_LABEL.has(a.label_zh)) BY_LABEL.set(a.label_zh, a)
  if (!BY_LABEL.has(a.label_en.toLowerCase())) BY_LABEL.set(a.label_en.toLowerCase(), a)
}

/** The known attribute a supplier's key names: its key, Chinese label or English label. */
export function knownAttribute(key: string): SpecAttribute | undefined {
  const trimmed = key.trim()
  return BY_KEY.get(trimmed) ?? BY_KEY.get(trimmed.toLowerCase()) ?? BY_LABEL.get(trimmed) ?? BY_LABEL.get(trimmed.toLowerCase())
}

function canonicalSpecKey(key: string): string {
  return knownAttribute(key)?.key ?? key.trim()
}

const TRUE_WORDS = new Set(["true", "yes", "y", "1", "是", "有", "含"])
const FALSE_WORDS = new Set(["false", "no", "n", "0", "否", "无", "不含"])

/**
 * Turns the supplier's specs into stored specs: known attributes get the vocabulary's key,
 * labels and unit and a value of the attribute's type (numbers as numbers, so comparison can
 * rank them); unknown keys are kept as written. Returns a reason for the first unusable value.
 */
export function toStoredSpecs(specs: SpecInput[]): { specs: StoredSpec[] } | { error: string } {
  const stored: StoredSpec[] = []
  for (const spec of specs) {
    const attribute = knownAttribute(spec.key)
    if (!attribute) {
      stored.push({ key: spec.key.trim(), label_zh: spec.key.trim(), label_en: spec.key.trim(), unit: spec.unit?.trim() || null, value: spec.value })
      continue
    }
    let value: string | number | boolean = spec.value
    if (attribute.type === "number") {
      const n = typeof value === "number" ? value : typeof value === "string" ? Number(value.replace(/,/g, "")) : NaN
      if (!Number.isFinite(n)) return { error: `规格 “${attribute.label_zh}” 须为数字 / spec "${attribute.key}" must be a number, got "${String(spec.value)}"` }
      value = n
    } else if (attribute.type === "boolean") {
      const word = String(value).trim().toLowerCase()
      if (typeof value !== "boolean") {
        if (TRUE_WORDS.has(word)) value = true
        else if (FALSE_WORDS.has(word)) value = false
        else return { error: `规格 “${attribute.label_zh}” 须为是/否 / spec "${attribute.key}" must be yes or no, got "${String(spec.value)}"` }
      }
    } else {
      value = String(value).trim()
    }
    stored.push({ key: attribute.key, label_zh: attribute.label_zh, label_en: attribute.label_en, unit: attribute.unit ?? spec.unit?.trim() ?? null, value })
  }
  return { specs: stored }
}

// ---------------------------------------------------------------------------
// Reviewed changes and their diff
// ---------------------------------------------------------------------------

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalise(a)) === JSON.stringify(normalise(b))
}

/** Key order does not matter when comparing JSON values. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise)
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, normalise(v)]))
  }
  return value ?? null
}

/**
 * The reviewed part of an edit to a live listing: of the fields the supplier wants to change,
 * those that differ from what the public sees. Prices compare per variant; a variant whose
 * price does not change is left out.
 */
export function reviewedChanges(live: ListingSnapshot, wanted: ListingSnapshot): { proposed: ListingSnapshot; previous: ListingSnapshot } {
  const proposed: ListingSnapshot = {}
  const previous: ListingSnapshot = {}
  for (const field of REVIEWED_FIELDS) {
    if (wanted[field] === undefined) continue
    if (field === "prices") {
      const current = new Map((live.prices ?? []).map((p) => [p.variant_id, p]))
      const changed = (wanted.prices ?? []).filter((p) => current.get(p.variant_id)?.price_cny !== p.price_cny)
      if (changed.length) {
        proposed.prices = changed
        previous.prices = changed.map((p) => current.get(p.variant_id) ?? { ...p, price_cny: NaN })
      }
      continue
    }
    if (!same(live[field], wanted[field])) {
      ;(proposed as Record<string, unknown>)[field] = wanted[field]
      ;(previous as Record<string, unknown>)[field] = live[field] ?? null
    }
  }
  return { proposed, previous }
}

/**
 * Folds a new edit into a change still waiting for review: the newer values win, prices merge
 * per variant, and a field edited back to what the public sees drops out. An empty result means
 * nothing is left to review.
 */
export function mergePendingChange(live: ListingSnapshot, pending: ListingSnapshot, wanted: ListingSnapshot): { proposed: ListingSnapshot; previous: ListingSnapshot } {
  const combined: ListingSnapshot = { ...pending, ...Object.fromEntries(Object.entries(wanted).filter(([, v]) => v !== undefined)) }
  if (pending.prices || wanted.prices) {
    const byVariant = new Map<string | null, SnapshotPrice>()
    for (const p of pending.prices ?? []) byVariant.set(p.variant_id, p)
    for (const p of wanted.prices ?? []) byVariant.set(p.variant_id, p)
    combined.prices = [...byVariant.values()]
  }
  return reviewedChanges(live, combined)
}

export function isEmptySnapshot(snapshot: ListingSnapshot): boolean {
  return !Object.values(snapshot).some((v) => v !== undefined)
}

export interface SpecChange {
  key: string
  label_zh: string
  label_en: string
  unit: string | null
  from: StoredSpec["value"] | null
  to: StoredSpec["value"] | null
}

export interface ListingDiff {
  title?: { from: string | null; to: string }
  category_id?: { from: string | null; to: string }
  prices?: { variant_id: string | null; variant_title: string; from: number | null; to: number }[]
  specs?: { added: SpecChange[]; removed: SpecChange[]; changed: SpecChange[] }
  rental?: { from: RentalTerms | null; to: RentalTerms | null }
  service?: { from: ServiceTerms | null; to: ServiceTerms | null }
}

/** What the operator reviews: for each proposed field, the value it replaces (null for a new listing). */
export function listingDiff(previous: ListingSnapshot | null, proposed: ListingSnapshot): ListingDiff {
  const before = previous ?? {}
  const diff: ListingDiff = {}
  if (proposed.title !== undefined) diff.title = { from: before.title ?? null, to: proposed.title }
  if (proposed.category_id !== undefined) diff.category_id = { from: before.category_id ?? null, to: proposed.category_id }
  if (proposed.prices) {
    const old = new Map((before.prices ?? []).map((p) => [p.variant_id ?? p.variant_title, p.price_cny]))
    diff.prices = proposed.prices.map((p) => {
      const from = old.get(p.variant_id ?? p.variant_title)
      return { variant_id: p.variant_id, variant_title: p.variant_title, from: from !== undefined && Number.isFinite(from) ? from : null, to: p.price_cny }
    })
  }
  if (proposed.specs) {
    const oldSpecs = new Map((before.specs ?? []).map((s) => [s.key, s]))
    const newSpecs = new Map(proposed.specs.map((s) => [s.key, s]))
    const entry = (s: StoredSpec, from: StoredSpec["value"] | null, to: StoredSpec["value"] | null): SpecChange => ({ key: s.key, label_zh: s.label_zh, label_en: s.label_en, unit: s.unit, from, to })
    diff.specs = {
      added: proposed.specs.filter((s) => !oldSpecs.has(s.key)).map((s) => entry(s, null, s.value)),
      removed: [...oldSpecs.values()].filter((s) => !newSpecs.has(s.key)).map((s) => entry(s, s.value, null)),
      changed: proposed.specs.filter((s) => oldSpecs.has(s.key) && !same(oldSpecs.get(s.key)!.value, s.value)).map((s) => entry(s, oldSpecs.get(s.key)!.value, s.value)),
    }
  }
  if (proposed.rental !== undefined && !same(before.rental ?? null, proposed.rental)) diff.rental = { from: before.rental ?? null, to: proposed.rental }
  if (proposed.service !== undefined && !same(before.service ?? null, proposed.service)) diff.service = { from: before.service ?? null, to: proposed.service }
  return diff
}

/** Product metadata for rental/service terms, in the seeded catalogue's shape plus the listing's extra fields. */
export function rentalMetadata(rental: RentalTerms) {
  return { period_unit: rental.period_unit, min_periods: rental.min_periods, max_periods: rental.max_periods, deposit_cny: rental.deposit_cny, price_per_period_cny: rental.price_per_period_cny }
}

export function serviceMetadata(service: ServiceTerms) {
  // `coverage` and `delivery_mode` are the names the storefront reads (as the seed writes them).
  return { response_hours: service.response_hours, coverage: service.service_area, service_area: service.service_area, unit: service.unit, delivery_mode: service.delivery_mode }
}

/** Reads terms back from product metadata (seeded products lack the listing-only fields). */
export function rentalFromMetadata(value: unknown): RentalTerms | null {
  if (!value || typeof value !== "object") return null
  const r = value as Record<string, unknown>
  return {
    period_unit: (r.period_unit as RentalTerms["period_unit"]) ?? "day",
    price_per_period_cny: Number(r.price_per_period_cny ?? 0),
    deposit_cny: Number(r.deposit_cny ?? 0),
    min_periods: Number(r.min_periods ?? 1),
    max_periods: Number(r.max_periods ?? r.min_periods ?? 1),
  }
}

export function serviceFromMetadata(value: unknown): ServiceTerms | null {
  if (!value || typeof value !== "object") return null
  const s = value as Record<string, unknown>
  return {
    service_area: String(s.service_area ?? s.coverage ?? ""),
    response_hours: Number(s.response_hours ?? 0),
    unit: String(s.unit ?? ""),
    delivery_mode: (s.delivery_mode as ServiceTerms["delivery_mode"]) ?? "onsite",
  }
}

/** A fresh product handle under the supplier's code: `sup-004-k3zq-lx2f9a7c`. */
export function listingHandle(supplierCode: string, random: () => number = Math.random): string {
  const base = supplierCode.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "supplier"
  let suffix = Date.now().toString(36).slice(-4)
  while (suffix.length < 12) suffix += Math.floor(random() * 36).toString(36)
  return `${base}-${suffix}`
}
