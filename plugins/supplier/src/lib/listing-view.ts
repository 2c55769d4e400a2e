import type { MedusaContainer } from "@medusajs/framework/types"
import { SUPPLIER_MODULE } from "../modules/supplier"
import type SupplierModuleService from "../modules/supplier/service"
import { listingDiff, type ListingSnapshot } from "./listing"
import { lowestPrice, type ListingState } from "./listing-state"

/** Response shapes of the listing routes (the portal codes against these). */

export type ReviewState = "pending" | "approved" | "rejected" | "changes_requested" | null

export interface ReviewInfo {
  review_state: ReviewState
  pending_change_id: string | null
  review_note: string | null
}

interface ChangeRow {
  id: string
  product_id: string
  supplier_id: string
  kind: "create" | "update"
  status: "pending" | "approved" | "rejected" | "changes_requested"
  proposed: unknown
  previous: unknown
  review_note: string | null
  reviewed_at: Date | string | null
  reviewed_by: string | null
  created_at: Date | string
  updated_at?: Date | string
}

export function serializeChange(change: ChangeRow) {
  return {
    id: change.id,
    product_id: change.product_id,
    supplier_id: change.supplier_id,
    kind: change.kind,
    status: change.status,
    proposed: change.proposed as ListingSnapshot,
    previous: (change.previous ?? null) as ListingSnapshot | null,
    diff: listingDiff((change.previous ?? null) as ListingSnapshot | null, change.proposed as ListingSnapshot),
    review_note: change.review_note,
    reviewed_at: change.reviewed_at,
    reviewed_by: change.reviewed_by,
    created_at: change.created_at,
    updated_at: change.updated_at,
  }
}

/** The review state of each product: its latest change's status and note, and the change still waiting, if any. */
export async function reviewInfo(scope: MedusaContainer, productIds: string[]): Promise<Map<string, ReviewInfo>> {
  const info = new Map<string, ReviewInfo>()
  if (!productIds.length) return info
  const changes = await scope.resolve<SupplierModuleService>(SUPPLIER_MODULE).listListingChanges(
    { product_id: productIds },
    { select: ["id", "product_id", "status", "review_note", "created_at"], order: { created_at: "DESC" } }
  )
  for (const change of changes) {
    const current = info.get(change.product_id)
    if (!current) info.set(change.product_id, { review_state: change.status, pending_change_id: change.status === "pending" ? change.id : null, review_note: change.review_note })
    else if (!current.pending_change_id && change.status === "pending") current.pending_change_id = change.id
  }
  return info
}

const NO_REVIEW: ReviewInfo = { review_state: null, pending_change_id: null, review_note: null }

export function listRow(state: ListingState, review: ReviewInfo | undefined) {
  return {
    id: state.id,
    title: state.title,
    handle: state.handle,
    status: state.status,
    thumbnail: state.thumbnail,
    price_cny: lowestPrice(state),
    ...(review ?? NO_REVIEW),
    created_at: state.created_at,
    updated_at: state.updated_at,
  }
}

export function productDetail(state: ListingState, review: ReviewInfo | undefined) {
  const metadata = state.metadata
  return {
    ...listRow(state, review),
    subtitle: state.subtitle,
    description: state.description,
    kind: metadata.offer_kind ?? null,
    category_ids: state.category_ids,
    specs: Array.isArray(metadata.specs) ? metadata.specs : [],
    images: metadata.images ?? null,
    image_urls: state.images.map((i) => i.url),
    rental: metadata.rental ?? null,
    service: metadata.service ?? null,
    supplier_code: metadata.supplier_code ?? null,
    supplier_name: metadata.supplier_name ?? null,
    options: state.options.map((o) => ({ title: o.title, values: o.values })),
    variants: state.variants.map((v) => ({
      id: v.id,
      title: v.title,
      sku: v.sku,
      options: v.options,
      price_cny: v.price_cny,
      manage_inventory: v.manage_inventory,
      stock: v.levels,
    })),
  }
}
