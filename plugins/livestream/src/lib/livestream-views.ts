import type { MedusaContainer } from "@medusajs/framework/types"
import { productCards, type ProductCard } from "./livestream-products"
import { openPin } from "./livestream-rules"
import { livestream } from "./livestream-service"

type Scope = MedusaContainer | { resolve: MedusaContainer["resolve"] }

const money = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value))
const iso = (value: unknown): string | null => (value ? new Date(value as string).toISOString() : null)

export function hostView(host: any) {
  return {
    id: host.id,
    email: host.email,
    display_name: host.display_name,
    bio: host.bio ?? null,
    avatar_url: host.avatar_url ?? null,
    status: host.status,
    grants: (host.grants ?? []).map((g: any) => ({ id: g.id, kind: g.kind, target_id: g.target_id })),
    created_at: iso(host.created_at),
  }
}

export function sessionSummary(session: any) {
  return {
    id: session.id,
    host_id: session.host_id,
    title: session.title,
    cover_url: session.cover_url ?? null,
    stream_url: session.stream_url ?? null,
    embed_kind: session.embed_kind,
    status: session.status,
    scheduled_start_at: iso(session.scheduled_start_at),
    scheduled_end_at: iso(session.scheduled_end_at),
    started_at: iso(session.started_at),
    ended_at: iso(session.ended_at),
    attribution_window_hours: session.attribution_window_hours,
    created_at: iso(session.created_at),
  }
}

export function pinView(pin: any) {
  return { id: pin.id, lineup_item_id: pin.lineup_item_id, pinned_at: iso(pin.pinned_at), unpinned_at: iso(pin.unpinned_at) }
}

function lineupView(item: any, card: ProductCard | undefined) {
  return {
    id: item.id,
    product_id: item.product_id,
    variant_id: item.variant_id,
    rank: item.rank,
    live_price: money(item.live_price),
    live_stock_cap: item.live_stock_cap ?? null,
    sold_quantity: item.sold_quantity ?? 0,
    title: card?.title ?? null,
    variant_title: card?.variant_title ?? null,
    thumbnail: card?.thumbnail ?? null,
    list_price: card?.list_price ?? null,
  }
}

/** The session with its lineup (product cards, list and live prices) and its open pin. */
export async function sessionDetail(scope: Scope, session: any) {
  const service = livestream(scope)
  const items = await service.listLineupItems({ session_id: session.id }, { order: { rank: "ASC", created_at: "ASC" }, take: 500 })
  const openPins = await service.listPins({ session_id: session.id, unpinned_at: null }, { take: 1 })
  const cards = await productCards(scope, items.map((i) => i.variant_id))
  const lineup = items.map((item) => lineupView(item, cards.get(item.variant_id)))
  const pin = openPin(openPins)
  return {
    ...sessionSummary(session),
    lineup,
    current_pin: pin ? { ...pinView(pin), item: lineup.find((i) => i.id === pin.lineup_item_id) ?? null } : null,
  }
}

/** What a viewer sees (no host email, no sales counts): the public view of /live/:id. */
export async function publicSessionView(scope: Scope, session: any) {
  const detail = await sessionDetail(scope, session)
  const [host] = await livestream(scope).listHosts({ id: session.host_id }, { take: 1 })
  const live = detail.status === "live"
  const strip = ({ sold_quantity: _sold, ...item }: (typeof detail.lineup)[number]) => ({ ...item, live_price_active: live && item.live_price !== null })
  return {
    id: detail.id,
    title: detail.title,
    cover_url: detail.cover_url,
    status: detail.status,
    stream_url: detail.stream_url,
    embed_kind: detail.embed_kind,
    scheduled_start_at: detail.scheduled_start_at,
    scheduled_end_at: detail.scheduled_end_at,
    started_at: detail.started_at,
    ended_at: detail.ended_at,
    host: { display_name: host?.display_name ?? null, avatar_url: host?.avatar_url ?? null },
    lineup: detail.lineup.map(strip),
    current_pin: detail.current_pin && detail.current_pin.item ? { id: detail.current_pin.id, pinned_at: detail.current_pin.pinned_at, item: strip(detail.current_pin.item) } : null,
  }
}
