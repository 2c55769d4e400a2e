import { MedusaError } from "@medusajs/framework/utils"
import { isEmptySnapshot, mergePendingChange, rentalMetadata, REVIEWED_FIELDS, reviewedChanges, serviceMetadata, type ListingSnapshot } from "./listing"
import type { SizedImage } from "./listing-media"
import { snapshotOf, type ListingState } from "./listing-state"

/**
 * What an edit does (pure, so it can be tested without a database):
 * - on a live (published) listing, title, category, specs, prices and rental/service terms go
 *   into a pending "update" change (merged into one already waiting) and the public keeps the
 *   old values; subtitle, description and images apply at once;
 * - on a listing not yet approved, everything applies to the (draft) product at once and its
 *   "create" change is updated and (after "changes requested") submitted again.
 */

export interface ImageFields {
  thumbnail: string | null
  images: { url: string }[]
  metadataImages: Record<string, SizedImage> | null
}

export interface ExistingChange {
  id: string
  kind: "create" | "update"
  status: "pending" | "approved" | "rejected" | "changes_requested"
  proposed: ListingSnapshot
  previous: ListingSnapshot | null
  created_at: string | Date
}

export interface ProductUpdate {
  id: string
  title?: string
  subtitle?: string | null
  description?: string
  thumbnail?: string | null
  images?: { url: string }[]
  category_ids?: string[]
  metadata?: Record<string, unknown>
}

export interface VariantPriceUpdate {
  id: string
  prices: { id?: string; amount: number; currency_code: string }[]
}

export type ChangeAction =
  | { action: "none" }
  | { action: "create"; data: { supplier_id: string; product_id: string; kind: "create" | "update"; proposed: ListingSnapshot; previous: ListingSnapshot | null } }
  | { action: "update"; data: { id: string; status?: "pending"; proposed: ListingSnapshot; previous?: ListingSnapshot | null } }
  | { action: "delete"; id: string }

export interface ListingUpdatePlan {
  live: boolean
  product: ProductUpdate | null
  prices: VariantPriceUpdate[]
  change: ChangeAction
  applied: string[]
  in_review: string[]
}

const IMMEDIATE_FIELDS = ["subtitle", "description", "image_urls"] as const

/** The product and price writes that make a listing show `snapshot` (only the fields it holds). */
export function applySnapshot(state: ListingState, snapshot: ListingSnapshot, images?: ImageFields | null): { product: ProductUpdate | null; prices: VariantPriceUpdate[] } {
  const product: ProductUpdate = { id: state.id }
  const metadata: Record<string, unknown> = { ...state.metadata }
  let metadataChanged = false
  if (snapshot.title !== undefined) product.title = snapshot.title
  if (snapshot.subtitle !== undefined) product.subtitle = snapshot.subtitle
  if (snapshot.description !== undefined) product.description = snapshot.description
  if (snapshot.category_id !== undefined) product.category_ids = [snapshot.category_id]
  if (snapshot.specs !== undefined) {
    metadata.specs = snapshot.specs
    metadataChanged = true
  }
  if (snapshot.rental !== undefined) {
    metadata.rental = snapshot.rental ? rentalMetadata(snapshot.rental) : null
    metadataChanged = true
  }
  if (snapshot.service !== undefined) {
    metadata.service = snapshot.service ? serviceMetadata(snapshot.service) : null
    metadataChanged = true
  }
  if (images && snapshot.image_urls !== undefined) {
    product.thumbnail = images.thumbnail
    product.images = images.images
    metadata.images = images.metadataImages
    metadataChanged = true
  }
  if (metadataChanged) product.metadata = metadata
  const prices: VariantPriceUpdate[] = []
  for (const wanted of snapshot.prices ?? []) {
    const variant = state.variants.find((v) => v.id === wanted.variant_id)
    if (!variant || variant.price_cny === wanted.price_cny) continue
    // Keep prices in other currencies; replace the CNY price (keeping its id).
    const others = variant.prices.filter((p) => p.currency_code !== "cny")
    const cny = variant.prices.find((p) => p.currency_code === "cny")
    prices.push({ id: variant.id, prices: [...others, { ...(cny ? { id: cny.id } : {}), amount: wanted.price_cny, currency_code: "cny" }] })
  }
  return { product: Object.keys(product).length > 1 ? product : null, prices }
}

function pick(snapshot: ListingSnapshot, fields: readonly string[]): ListingSnapshot {
  return Object.fromEntries(Object.entries(snapshot).filter(([k, v]) => fields.includes(k) && v !== undefined)) as ListingSnapshot
}

export function planListingUpdate(input: {
  supplier_id: string
  state: ListingState
  changes: ExistingChange[]
  wanted: ListingSnapshot
  images?: ImageFields | null
}): ListingUpdatePlan {
  const { state, wanted } = input
  const live = state.status === "published"
  const changes = [...input.changes].sort((a, b) => new Date(b.created_at).getTime() - new Date(a.created_at).getTime())
  const current = snapshotOf(state)

  if (live) {
    const immediate = applySnapshot(state, pick(wanted, IMMEDIATE_FIELDS), input.images)
    const reviewedWanted = pick(wanted, REVIEWED_FIELDS)
    const pending = changes.find((c) => c.kind === "update" && c.status === "pending")
    let change: ChangeAction = { action: "none" }
    let inReview: string[] = []
    if (pending) {
      const merged = mergePendingChange(current, pending.proposed, reviewedWanted)
      change = isEmptySnapshot(merged.proposed) ? { action: "delete", id: pending.id } : { action: "update", data: { id: pending.id, proposed: merged.proposed, previous: merged.previous } }
      inReview = Object.keys(merged.proposed)
    } else {
      const fresh = reviewedChanges(current, reviewedWanted)
      if (!isEmptySnapshot(fresh.proposed)) {
        change = { action: "create", data: { supplier_id: input.supplier_id, product_id: state.id, kind: "update", proposed: fresh.proposed, previous: fresh.previous } }
        inReview = Object.keys(fresh.proposed)
      }
    }
    return { live, product: immediate.product, prices: [], change, applied: Object.keys(pick(wanted, IMMEDIATE_FIELDS)), in_review: inReview }
  }

  const createChange = changes.find((c) => c.kind === "create")
  if (createChange?.status === "rejected") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "该商品已被驳回，不能再修改，请新建商品 / This listing was rejected and cannot be changed; create a new listing")
  }
  const applied = applySnapshot(state, wanted, input.images)
  const after: ListingSnapshot = { ...current, ...pick(wanted, [...REVIEWED_FIELDS, ...IMMEDIATE_FIELDS].filter((f) => f !== "prices")) }
  if (wanted.prices) {
    const byVariant = new Map(wanted.prices.map((p) => [p.variant_id, p.price_cny]))
    after.prices = current.prices.map((p) => ({ ...p, price_cny: byVariant.get(p.variant_id) ?? p.price_cny }))
  }
  if (images(input.images, wanted)) after.image_urls = input.images!.images.map((i) => i.url)
  const change: ChangeAction =
    createChange && (createChange.status === "pending" || createChange.status === "changes_requested")
      ? { action: "update", data: { id: createChange.id, status: "pending", proposed: after } }
      : { action: "create", data: { supplier_id: input.supplier_id, product_id: state.id, kind: "create", proposed: after, previous: null } }
  return { live, product: applied.product, prices: applied.prices, change, applied: Object.keys(wanted), in_review: Object.keys(after) }
}

function images(fields: ImageFields | null | undefined, wanted: ListingSnapshot): boolean {
  return !!fields && wanted.image_urls !== undefined
}
