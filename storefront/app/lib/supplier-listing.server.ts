// The portal's listing form (商品表单) on the server: reads the flat form fields into values the
// page can show again, validates them with zod (each error under the name of its input), and
// turns them into the bodies of POST /supplier/products and POST /supplier/products/:id.
import type { TFunction } from "i18next"
import { z } from "zod"
import type { Language } from "~/i18n/languages"
import { OFFER_KINDS, type ListingChange, type ListingDetail, type OfferKind, type StockLocation } from "./supplier.server"

export const MAX_SPEC_ROWS = 60
export const MAX_VARIANT_ROWS = 20
export const MAX_IMAGES = 20

export interface SpecRowValues {
  key: string
  value: string
  unit: string
}

export interface VariantRowValues {
  /** Set for an existing variant (edit form); its title and SKU are then shown, not edited. */
  id: string
  title: string
  sku: string
  price: string
}

export interface ListingFormValues {
  title: string
  subtitle: string
  description: string
  kind: string
  category_id: string
  specs: SpecRowValues[]
  variants: VariantRowValues[]
  image_urls: string[]
  rental: { period_unit: string; price_per_period: string; deposit: string; min_periods: string; max_periods: string }
  service: { service_area: string; response_hours: string; unit: string; delivery_mode: string }
  /** Quantity inputs by `<variant index or id>:<location id>`. */
  stock: Record<string, string>
}

export type FieldErrors = Partial<Record<string, string>>

export function emptyListingValues(t: TFunction): ListingFormValues {
  return {
    title: "",
    subtitle: "",
    description: "",
    kind: "goods",
    category_id: "",
    specs: [0, 1, 2].map(() => ({ key: "", value: "", unit: "" })),
    variants: [{ id: "", title: t("supplier.form.defaultVariant"), sku: "", price: "" }],
    image_urls: [],
    rental: { period_unit: "month", price_per_period: "", deposit: "0", min_periods: "1", max_periods: "12" },
    service: { service_area: "", response_hours: "", unit: "", delivery_mode: "onsite" },
    stock: {},
  }
}

const text = (form: FormData, name: string, max = 20_000) => {
  const value = form.get(name)
  return typeof value === "string" ? value.slice(0, max) : ""
}

const rowCount = (form: FormData, name: string, max: number) => {
  const n = Number(text(form, name, 10))
  return Number.isInteger(n) && n >= 0 ? Math.min(n, max) : 0
}

/** Everything the listing form posted, as strings (kept for showing the form again). */
export function readListingForm(form: FormData): ListingFormValues {
  const specs: SpecRowValues[] = []
  for (let i = 0; i < rowCount(form, "spec_rows", MAX_SPEC_ROWS); i++) {
    specs.push({ key: text(form, `spec_key_${i}`, 200), value: text(form, `spec_value_${i}`, 1000), unit: text(form, `spec_unit_${i}`, 50) })
  }
  const variants: VariantRowValues[] = []
  for (let i = 0; i < rowCount(form, "variant_rows", MAX_VARIANT_ROWS); i++) {
    variants.push({ id: text(form, `variant_id_${i}`, 100), title: text(form, `variant_title_${i}`, 200), sku: text(form, `variant_sku_${i}`, 200), price: text(form, `variant_price_${i}`, 50) })
  }
  const removed = new Set(form.getAll("remove_image").filter((v): v is string => typeof v === "string"))
  const image_urls = [...new Set(form.getAll("image_urls").filter((v): v is string => typeof v === "string" && v.length > 0 && v.length <= 500))]
    .filter((url) => !removed.has(url))
    .slice(0, MAX_IMAGES)
  const stock: Record<string, string> = {}
  for (const [name, value] of form.entries()) {
    if (name.startsWith("stock:") && typeof value === "string" && name.length <= 250) stock[name.slice("stock:".length)] = value.slice(0, 20)
  }
  return {
    title: text(form, "title", 400),
    subtitle: text(form, "subtitle", 600),
    description: text(form, "description"),
    kind: text(form, "kind", 20),
    category_id: text(form, "category_id", 100),
    specs,
    variants,
    image_urls,
    rental: {
      period_unit: text(form, "rental_period_unit", 10),
      price_per_period: text(form, "rental_price_per_period", 50),
      deposit: text(form, "rental_deposit", 50),
      min_periods: text(form, "rental_min_periods", 10),
      max_periods: text(form, "rental_max_periods", 10),
    },
    service: {
      service_area: text(form, "service_area", 400),
      response_hours: text(form, "service_response_hours", 10),
      unit: text(form, "service_unit", 40),
      delivery_mode: text(form, "service_delivery_mode", 10),
    },
    stock,
  }
}

/** "¥2,399.00", "2399" or "2399.5" → 2399.5; at most two decimals (分). */
function moneySchema(t: TFunction, allowZero = false) {
  return z
    .string()
    .transform((s) => s.replace(/[\s,，¥￥]/g, ""))
    .refine((s) => s.length > 0, t("supplier.form.required"))
    .refine((s) => s.length === 0 || /^\d{1,9}(\.\d{1,2})?$/.test(s), t("supplier.form.invalidPrice"))
    .transform(Number)
    .refine((n) => !Number.isFinite(n) || n <= 100_000_000, t("supplier.form.priceTooHigh"))
    .refine((n) => !Number.isFinite(n) || allowZero || n > 0, t("supplier.form.pricePositive"))
}

function intSchema(t: TFunction, min: number, max: number) {
  return z
    .string()
    .trim()
    .refine((s) => s.length > 0, t("supplier.form.required"))
    .refine((s) => s.length === 0 || (/^\d{1,9}$/.test(s) && Number(s) >= min && Number(s) <= max), t("supplier.form.wholeNumber", { min, max }))
    .transform(Number)
}

const required = (t: TFunction, max: number) =>
  z.string().trim().min(1, t("supplier.form.required")).max(max, t("supplier.form.tooLong", { max }))

function basicsSchema(t: TFunction) {
  return z.object({
    title: required(t, 200),
    subtitle: z.string().trim().max(300, t("supplier.form.tooLong", { max: 300 })),
    description: required(t, 20_000),
    kind: z.enum(OFFER_KINDS, { message: t("supplier.form.chooseKind") }),
    category_id: z.string().trim().min(1, t("supplier.form.chooseCategory")).max(100),
  })
}

function specSchema(t: TFunction) {
  return z.object({ key: required(t, 60), value: required(t, 500), unit: z.string().trim().max(20, t("supplier.form.tooLong", { max: 20 })) })
}

function variantSchema(t: TFunction, existing: boolean) {
  return z.object({
    title: existing ? z.string() : required(t, 100),
    sku: existing
      ? z.string()
      : z
          .string()
          .trim()
          .max(100, t("supplier.form.tooLong", { max: 100 }))
          .regex(/^$|^[A-Za-z0-9][A-Za-z0-9._\-/]*$/, t("supplier.form.invalidSku")),
    price: moneySchema(t),
  })
}

function rentalSchema(t: TFunction) {
  return z
    .object({
      period_unit: z.enum(["day", "week", "month"], { message: t("supplier.form.choosePeriod") }),
      price_per_period: moneySchema(t),
      deposit: moneySchema(t, true),
      min_periods: intSchema(t, 1, 1000),
      max_periods: intSchema(t, 1, 1000),
    })
    .refine((r) => r.min_periods <= r.max_periods, { message: t("supplier.form.minOverMax"), path: ["max_periods"] })
}

function serviceSchema(t: TFunction) {
  return z.object({
    service_area: required(t, 200),
    response_hours: z
      .string()
      .trim()
      .refine((s) => s.length > 0, t("supplier.form.required"))
      .refine((s) => s.length === 0 || (/^\d{1,3}(\.\d)?$/.test(s) && Number(s) > 0 && Number(s) <= 720), t("supplier.form.invalidHours"))
      .transform(Number),
    unit: required(t, 20),
    delivery_mode: z.enum(["onsite", "remote", "both"], { message: t("supplier.form.chooseMode") }),
  })
}

const quantitySchema = (t: TFunction) =>
  z
    .string()
    .trim()
    .refine((s) => /^\d{1,8}$/.test(s) && Number(s) <= 10_000_000, t("supplier.form.invalidQuantity"))
    .transform(Number)

/** Collects a zod failure's issues under input names: `prefix` + the issue's first path part. */
function collect(errors: FieldErrors, error: z.ZodError, name: (key: string) => string) {
  for (const issue of error.issues) errors[name(String(issue.path[0] ?? ""))] ??= issue.message
}

export interface ValidatedListing {
  title: string
  subtitle: string
  description: string
  kind: OfferKind
  category_id: string
  specs: { index: number; key: string; value: string; unit: string }[]
  variants: { index: number; id: string; title: string; sku: string; price: number }[]
  rental: { period_unit: "day" | "week" | "month"; price_per_period_cny: number; deposit_cny: number; min_periods: number; max_periods: number } | null
  service: { service_area: string; response_hours: number; unit: string; delivery_mode: "onsite" | "remote" | "both" } | null
  stock: { key: string; variant: string; location_id: string; quantity: number }[]
}

/**
 * Checks the form. Empty spec rows and empty new variant rows are left out; rental terms count
 * only for rentals and service terms only for services (the form shows both without JavaScript).
 */
export function validateListing(
  values: ListingFormValues,
  t: TFunction,
  options: { locations: StockLocation[]; editing?: boolean }
): { listing: ValidatedListing } | { fieldErrors: FieldErrors } {
  const errors: FieldErrors = {}
  const basics = basicsSchema(t).safeParse(values)
  if (!basics.success) collect(errors, basics.error, (key) => key)

  const specs: ValidatedListing["specs"] = []
  const seenKeys = new Map<string, number>()
  values.specs.forEach((row, index) => {
    if (!row.key.trim() && !row.value.trim() && !row.unit.trim()) return
    const parsed = specSchema(t).safeParse(row)
    if (!parsed.success) return collect(errors, parsed.error, (key) => `spec_${key}_${index}`)
    const normalised = parsed.data.key.toLowerCase()
    if (seenKeys.has(normalised)) errors[`spec_key_${index}`] ??= t("supplier.form.duplicateSpec")
    seenKeys.set(normalised, index)
    specs.push({ index, ...parsed.data })
  })

  const variants: ValidatedListing["variants"] = []
  const titles = new Set<string>()
  values.variants.forEach((row, index) => {
    const existing = Boolean(options.editing && row.id)
    if (!existing && !row.title.trim() && !row.sku.trim() && !row.price.trim()) return
    const parsed = variantSchema(t, existing).safeParse(row)
    if (!parsed.success) return collect(errors, parsed.error, (key) => `variant_${key}_${index}`)
    if (!existing) {
      if (titles.has(parsed.data.title)) errors[`variant_title_${index}`] ??= t("supplier.form.duplicateVariant")
      titles.add(parsed.data.title)
    }
    variants.push({ index, id: row.id, title: parsed.data.title.trim(), sku: parsed.data.sku.trim(), price: parsed.data.price })
  })
  if (!variants.length && !Object.keys(errors).some((k) => k.startsWith("variant_"))) errors.variant_title_0 = t("supplier.form.needVariant")

  let rental: ValidatedListing["rental"] = null
  let service: ValidatedListing["service"] = null
  if (values.kind === "rental") {
    const parsed = rentalSchema(t).safeParse(values.rental)
    if (!parsed.success) collect(errors, parsed.error, (key) => `rental_${key}`)
    else rental = { period_unit: parsed.data.period_unit, price_per_period_cny: parsed.data.price_per_period, deposit_cny: parsed.data.deposit, min_periods: parsed.data.min_periods, max_periods: parsed.data.max_periods }
  }
  if (values.kind === "service") {
    const parsed = serviceSchema(t).safeParse(values.service)
    if (!parsed.success) collect(errors, parsed.error, (key) => (key === "service_area" ? "service_area" : `service_${key}`))
    else service = parsed.data
  }

  const stock: ValidatedListing["stock"] = []
  const locationIds = new Set(options.locations.map((l) => l.id))
  for (const [key, raw] of Object.entries(values.stock)) {
    if (!raw.trim()) continue
    const [variant, locationId] = splitStockKey(key)
    if (!locationId || !locationIds.has(locationId)) continue
    const parsed = quantitySchema(t).safeParse(raw)
    if (!parsed.success) errors[`stock:${key}`] ??= parsed.error.issues[0].message
    else stock.push({ key, variant, location_id: locationId, quantity: parsed.data })
  }

  if (!basics.success || Object.keys(errors).length) return { fieldErrors: errors }
  return { listing: { ...basics.data, specs, variants, rental, service, stock } }
}

export function splitStockKey(key: string): [string, string] {
  const at = key.indexOf(":")
  return at < 0 ? [key, ""] : [key.slice(0, at), key.slice(at + 1)]
}

/** The body of POST /supplier/products (plugins/supplier's ListingInput). */
export function createBody(listing: ValidatedListing, imageUrls: string[]) {
  const variantIndex = new Map(listing.variants.map((v, i) => [String(v.index), i]))
  return {
    title: listing.title,
    ...(listing.subtitle ? { subtitle: listing.subtitle } : {}),
    description: listing.description,
    kind: listing.kind,
    category_id: listing.category_id,
    specs: listing.specs.map((s) => ({ key: s.key, value: s.value, ...(s.unit ? { unit: s.unit } : {}) })),
    image_urls: imageUrls,
    variants: listing.variants.map((v) => ({ title: v.title, ...(v.sku ? { sku: v.sku } : {}), price_cny: v.price })),
    ...(listing.rental ? { rental: listing.rental } : {}),
    ...(listing.service ? { service: listing.service } : {}),
    // A service is booked, not taken from a shelf: it keeps no stock.
    ...(listing.kind === "service"
      ? {}
      : {
          stock: listing.stock
            .filter((s) => variantIndex.has(s.variant))
            .map((s) => ({ variant_index: variantIndex.get(s.variant)!, location_id: s.location_id, quantity: s.quantity })),
        }),
  }
}

// ---------------------------------------------------------------------------
// Editing a listing
// ---------------------------------------------------------------------------

const YES_NO: Record<Language, [string, string]> = { "zh-CN": ["是", "否"], en: ["yes", "no"] }

/** A stored spec as the supplier writes it: its label in their language (the backend maps labels back to keys). */
function specRow(spec: ListingDetail["specs"][number], lang: Language): SpecRowValues {
  const value = typeof spec.value === "boolean" ? YES_NO[lang][spec.value ? 0 : 1] : String(spec.value)
  return { key: lang === "en" ? spec.label_en || spec.key : spec.label_zh || spec.key, value, unit: spec.unit ?? "" }
}

const amount = (n: number | null | undefined) => (n === null || n === undefined || !Number.isFinite(n) ? "" : String(n))

/** What a pending update proposes (the reviewed fields it holds), as the edit form shows it. */
interface PendingProposal {
  title?: string
  category_id?: string
  specs?: ListingDetail["specs"]
  prices?: { variant_id: string | null; price_cny: number }[]
  rental?: ListingDetail["rental"]
  service?: ListingDetail["service"]
}

/**
 * The edit form's values: the listing as it is now, with what a change still awaiting review
 * proposes in place of the live values (so the supplier sees, and can revise or take back, what
 * they submitted).
 */
export function listingValues(product: ListingDetail, lang: Language, pending?: ListingChange | null): ListingFormValues {
  const proposal: PendingProposal = pending && pending.kind === "update" && pending.status === "pending" ? (pending.proposed as PendingProposal) : {}
  const proposedPrice = new Map((proposal.prices ?? []).map((p) => [p.variant_id, p.price_cny]))
  const rental = proposal.rental ?? product.rental
  const service = proposal.service ?? product.service
  const stock: Record<string, string> = {}
  for (const variant of product.variants) for (const level of variant.stock ?? []) stock[`${variant.id}:${level.location_id}`] = String(level.stocked_quantity)
  return {
    title: proposal.title ?? product.title,
    subtitle: product.subtitle ?? "",
    description: product.description ?? "",
    kind: product.kind ?? "goods",
    category_id: proposal.category_id ?? product.category_ids[0] ?? "",
    specs: [...(proposal.specs ?? product.specs).map((s) => specRow(s, lang)), { key: "", value: "", unit: "" }],
    variants: product.variants.map((v) => ({ id: v.id, title: v.title, sku: v.sku ?? "", price: amount(proposedPrice.get(v.id) ?? v.price_cny) })),
    image_urls: product.image_urls,
    rental: {
      period_unit: rental?.period_unit ?? "month",
      price_per_period: amount(rental?.price_per_period_cny),
      deposit: amount(rental?.deposit_cny ?? 0),
      min_periods: amount(rental?.min_periods ?? 1),
      max_periods: amount(rental?.max_periods ?? rental?.min_periods ?? 1),
    },
    service: {
      service_area: service?.service_area ?? service?.coverage ?? "",
      response_hours: amount(service?.response_hours),
      unit: service?.unit ?? "",
      delivery_mode: service?.delivery_mode ?? "onsite",
    },
    stock,
  }
}

const sameSpecs = (a: SpecRowValues[], b: SpecRowValues[]) => {
  const clean = (rows: SpecRowValues[]) => rows.filter((r) => r.key.trim() || r.value.trim()).map((r) => [r.key.trim(), r.value.trim(), r.unit.trim()].join("\u0001"))
  return JSON.stringify(clean(a)) === JSON.stringify(clean(b))
}

/**
 * The body of POST /supplier/products/:id: only what differs from the form as it was shown, so an
 * untouched field never becomes a change for review (the backend folds edits into a change still
 * waiting, and drops a field edited back to the live value). Null when nothing changed.
 */
export function updateBody(product: ListingDetail, pending: ListingChange | null, listing: ValidatedListing, submitted: ListingFormValues, imageUrls: string[], lang: Language) {
  const current = listingValues(product, lang, pending)
  const body: Record<string, unknown> = {}
  if (listing.title !== current.title) body.title = listing.title
  if (listing.subtitle !== current.subtitle.trim()) body.subtitle = listing.subtitle || null
  if (listing.description !== current.description.trim()) body.description = listing.description
  if (listing.category_id !== current.category_id) body.category_id = listing.category_id
  if (!sameSpecs(submitted.specs, current.specs)) body.specs = listing.specs.map((s) => ({ key: s.key, value: s.value, ...(s.unit ? { unit: s.unit } : {}) }))
  const shownPrice = new Map(current.variants.map((v) => [v.id, v.price]))
  const prices = listing.variants
    .filter((v) => v.id && shownPrice.has(v.id))
    .filter((v) => Number(shownPrice.get(v.id)) !== v.price)
    .map((v) => ({ id: v.id, price_cny: v.price }))
  if (prices.length) body.variants = prices
  if (listing.rental && JSON.stringify(submitted.rental) !== JSON.stringify(current.rental)) body.rental = listing.rental
  if (listing.service && JSON.stringify(submitted.service) !== JSON.stringify(current.service)) body.service = listing.service
  if (JSON.stringify(imageUrls) !== JSON.stringify(product.image_urls)) body.image_urls = imageUrls
  return Object.keys(body).length ? body : null
}

/** Stock inputs of the edit form that differ from the stock now: `[variant id, location id, quantity]`. */
export function stockChanges(product: ListingDetail, listing: ValidatedListing) {
  const current = listingValues(product, "zh-CN").stock
  return listing.stock
    .filter((s) => product.variants.some((v) => v.id === s.variant && v.manage_inventory))
    .filter((s) => current[s.key] !== String(s.quantity))
    .map((s) => ({ variant_id: s.variant, location_id: s.location_id, quantity: s.quantity }))
}

/** Image files a form may forward: at most 10, each an image of at most 10 MB. */
export function checkImageFiles(files: File[], t: TFunction, maxFiles: number, maxBytes: number): string | null {
  if (files.length > maxFiles) return t("supplier.form.tooManyFiles", { max: maxFiles })
  const tooBig = files.find((f) => f.size > maxBytes)
  if (tooBig) return t("supplier.form.fileTooLarge", { name: tooBig.name })
  const notImage = files.find((f) => f.type && !/^image\/(png|jpe?g|webp)$/i.test(f.type))
  if (notImage) return t("supplier.form.notImage", { name: notImage.name })
  return null
}
