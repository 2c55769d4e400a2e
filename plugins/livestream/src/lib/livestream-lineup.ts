import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { LIVESTREAM_MESSAGES } from "./livestream-messages"
import { productFacts } from "./livestream-products"
import { grantsCover, lineupEditable, type SessionStatus } from "./livestream-rules"
import { livestream } from "./livestream-service"

type Scope = MedusaContainer | { resolve: MedusaContainer["resolve"] }

export interface LineupInput {
  product_id: string
  variant_id: string
  live_price?: number | null
  live_stock_cap?: number | null
  rank?: number
}

/**
 * Adds a variant to a session's lineup: the session is not over (409); the product exists and
 * the variant is its own (400); it is published (400); it is within the host's grants — its
 * supplier, or one of its categories or their ancestors (403); not in the lineup yet (409).
 */
export async function addLineupItem(scope: Scope, session: { id: string; host_id: string; status: string }, input: LineupInput) {
  if (!lineupEditable(session.status as SessionStatus)) throw new MedusaError(MedusaError.Types.CONFLICT, LIVESTREAM_MESSAGES.session_ended)
  const product = await productFacts(scope, input.product_id)
  if (!product) throw new MedusaError(MedusaError.Types.INVALID_DATA, LIVESTREAM_MESSAGES.product_not_found(input.product_id))
  if (!product.variant_ids.includes(input.variant_id)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, LIVESTREAM_MESSAGES.variant_not_of_product(input.variant_id, input.product_id))
  }
  if (product.status !== "published") throw new MedusaError(MedusaError.Types.INVALID_DATA, LIVESTREAM_MESSAGES.product_not_published(input.product_id))
  const service = livestream(scope)
  const grants = await service.listHostGrants({ host_id: session.host_id }, { take: 1000 })
  if (!grantsCover(grants.map((g) => ({ kind: g.kind as "supplier" | "category", target_id: g.target_id })), product)) {
    throw new MedusaError(MedusaError.Types.FORBIDDEN, LIVESTREAM_MESSAGES.product_not_granted(input.product_id))
  }
  const existing = await service.listLineupItems({ session_id: session.id }, { select: ["id", "variant_id", "rank"], take: 1000 })
  if (existing.some((i) => i.variant_id === input.variant_id)) throw new MedusaError(MedusaError.Types.CONFLICT, LIVESTREAM_MESSAGES.variant_in_lineup(input.variant_id))
  const rank = input.rank ?? (existing.length ? Math.max(...existing.map((i) => i.rank ?? 0)) + 1 : 0)
  return service.createLineupItems({
    session_id: session.id,
    product_id: input.product_id,
    variant_id: input.variant_id,
    rank,
    live_price: input.live_price ?? null,
    live_stock_cap: input.live_stock_cap ?? null,
  })
}

/** Removes a lineup item (not while it is pinned, not after the session ended). */
export async function removeLineupItem(scope: Scope, session: { id: string; status: string }, itemId: string) {
  if (!lineupEditable(session.status as SessionStatus)) throw new MedusaError(MedusaError.Types.CONFLICT, LIVESTREAM_MESSAGES.session_ended)
  const service = livestream(scope)
  const [item] = await service.listLineupItems({ id: itemId, session_id: session.id }, { take: 1 })
  if (!item) throw new MedusaError(MedusaError.Types.NOT_FOUND, LIVESTREAM_MESSAGES.lineup_item_not_found(itemId))
  const [open] = await service.listPins({ session_id: session.id, lineup_item_id: itemId, unpinned_at: null }, { take: 1 })
  if (open) throw new MedusaError(MedusaError.Types.CONFLICT, LIVESTREAM_MESSAGES.lineup_item_pinned)
  await service.softDeleteLineupItems(itemId)
  return item
}

/** Changes an item's live price, live cap or rank (not after the session ended). */
export async function updateLineupItem(
  scope: Scope,
  session: { id: string; status: string },
  itemId: string,
  data: { live_price?: number | null; live_stock_cap?: number | null; rank?: number }
) {
  if (!lineupEditable(session.status as SessionStatus)) throw new MedusaError(MedusaError.Types.CONFLICT, LIVESTREAM_MESSAGES.session_ended)
  const service = livestream(scope)
  const [item] = await service.listLineupItems({ id: itemId, session_id: session.id }, { take: 1 })
  if (!item) throw new MedusaError(MedusaError.Types.NOT_FOUND, LIVESTREAM_MESSAGES.lineup_item_not_found(itemId))
  return service.updateLineupItems({ id: item.id, ...data })
}
