/**
 * The livestream rules as pure functions (the workflows and routes call them; unit tests check
 * them without a backend).
 */

export type SessionStatus = "scheduled" | "live" | "ended"

/** scheduled → live → ended; nothing else. */
const TRANSITIONS: Record<SessionStatus, SessionStatus[]> = { scheduled: ["live"], live: ["ended"], ended: [] }

export function canTransition(from: SessionStatus, to: SessionStatus): boolean {
  return TRANSITIONS[from]?.includes(to) ?? false
}

/** A session's details may change until it has ended; it may be deleted only before it went live. */
export const sessionEditable = (status: SessionStatus) => status !== "ended"
export const sessionDeletable = (status: SessionStatus) => status === "scheduled"
/** Lineup items can be added or removed before and during the stream, not after. */
export const lineupEditable = (status: SessionStatus) => status !== "ended"

export interface Grant {
  kind: "supplier" | "category"
  target_id: string
}

export interface ProductScope {
  /** The product's supplier (supplier ↔ product link), if any. */
  supplier_id: string | null
  /** Each category of the product with its ancestors' ids (Medusa's mpath: "pcat_a.pcat_b.pcat_c"). */
  category_paths: string[]
}

/** A supplier grant covers the supplier's products; a category grant the category and every sub-category. */
export function grantsCover(grants: Grant[], product: ProductScope): boolean {
  return grants.some((grant) => {
    if (grant.kind === "supplier") return product.supplier_id !== null && grant.target_id === product.supplier_id
    return product.category_paths.some((path) => path.split(".").includes(grant.target_id))
  })
}

export interface SaleState {
  product_exists: boolean
  product_published: boolean
  variant_exists: boolean
  /** Inventory not managed, or backorders allowed: always available. */
  always_available: boolean
  /** Units available over the stock locations (ignored when always_available). */
  available_quantity: number
  live_stock_cap: number | null
  sold_quantity: number
}

export type OffSaleReason = "product_missing" | "product_unpublished" | "variant_missing" | "out_of_stock" | "live_cap_reached"

/** Why a lineup item cannot be sold (and so not pinned) now, or null when it is on sale. */
export function offSaleReason(state: SaleState): OffSaleReason | null {
  if (!state.product_exists) return "product_missing"
  if (!state.product_published) return "product_unpublished"
  if (!state.variant_exists) return "variant_missing"
  if (state.live_stock_cap !== null && state.sold_quantity >= state.live_stock_cap) return "live_cap_reached"
  if (!state.always_available && state.available_quantity <= 0) return "out_of_stock"
  return null
}

export const OFF_SALE_TEXT: Record<OffSaleReason, string> = {
  product_missing: "商品已删除 / product deleted",
  product_unpublished: "商品未上架 / product not published",
  variant_missing: "规格已删除 / variant deleted",
  out_of_stock: "库存不足 / out of stock",
  live_cap_reached: "直播限量已售罄 / live stock cap reached",
}

export interface PinRow {
  id: string
  lineup_item_id: string
  pinned_at: Date | string
  unpinned_at: Date | string | null
}

/** The open pin of a timeline (at most one), or null. */
export function openPin<P extends PinRow>(pins: P[]): P | null {
  return pins.find((pin) => pin.unpinned_at === null || pin.unpinned_at === undefined) ?? null
}

/**
 * What pinning `itemId` does: nothing when it is already the open pin, otherwise close the open
 * pin (if any) and open a new one.
 */
export function pinPlan(pins: PinRow[], itemId: string): { kind: "unchanged"; pin: PinRow } | { kind: "switch"; close: PinRow | null } {
  const open = openPin(pins)
  if (open && open.lineup_item_id === itemId) return { kind: "unchanged", pin: open }
  return { kind: "switch", close: open }
}

/** The embed kind a stream URL suggests when none is given. */
export function guessEmbedKind(url: string | null | undefined): "platform" | "wechat_channels" | "douyin" | "other" {
  if (!url) return "platform"
  let host = ""
  try {
    host = new URL(url).hostname.toLowerCase()
  } catch {
    return "other"
  }
  if (host.endsWith("channels.weixin.qq.com") || host.endsWith("weixin.qq.com")) return "wechat_channels"
  if (host.endsWith("douyin.com") || host.endsWith("iesdouyin.com")) return "douyin"
  return "other"
}
