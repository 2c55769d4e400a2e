import { shanghaiDay } from "./showroom-dates"

/** API shapes of showroom records: JSON columns unwrapped to lists, theme days as YYYY-MM-DD. */

type Row = Record<string, any>

const list = (value: unknown, key: string): any[] => {
  const inner = (value as Record<string, unknown> | null)?.[key]
  return Array.isArray(inner) ? inner : []
}

export function centreView(c: Row) {
  return {
    id: c.id,
    name: c.name,
    name_en: c.name_en ?? null,
    address: c.address ?? null,
    city: c.city ?? null,
    opening_hours: c.opening_hours ?? null,
    created_at: c.created_at,
    updated_at: c.updated_at,
  }
}

export function zoneView(z: Row) {
  return {
    id: z.id,
    centre_id: z.centre_id,
    code: z.code,
    name: z.name,
    name_en: z.name_en ?? null,
    description: z.description ?? null,
    rank: z.rank,
    created_at: z.created_at,
    updated_at: z.updated_at,
  }
}

export function tagView(t: Row) {
  return {
    id: t.id,
    exhibit_id: t.exhibit_id,
    epc: t.epc,
    scheme: t.scheme,
    gtin: t.gtin ?? null,
    serial: t.serial ?? null,
    status: t.status,
    created_at: t.created_at,
  }
}

export interface ProductSummary {
  id: string
  title: string
  handle: string | null
  thumbnail: string | null
  variant_title?: string | null
  sku?: string | null
}

export function exhibitView(e: Row, product?: ProductSummary | null) {
  const variant = product as (ProductSummary & { variants?: Row[] }) | null | undefined
  return {
    id: e.id,
    zone_id: e.zone_id,
    zone_code: e.zone?.code ?? null,
    centre_id: e.zone?.centre_id ?? null,
    product_id: e.product_id,
    variant_id: e.variant_id,
    plinth: e.plinth ?? null,
    antenna: e.antenna ?? null,
    rank: e.rank,
    status: e.status,
    product: product
      ? { id: product.id, title: product.title, handle: product.handle ?? null, thumbnail: product.thumbnail ?? null }
      : null,
    variant: variant?.variants?.find((v) => v.id === e.variant_id)
      ? (({ id, title, sku }) => ({ id, title: title ?? null, sku: sku ?? null }))(variant.variants.find((v) => v.id === e.variant_id)!)
      : null,
    tags: Array.isArray(e.tags) ? e.tags.filter((t: Row) => !t.deleted_at).map(tagView) : undefined,
    created_at: e.created_at,
    updated_at: e.updated_at,
  }
}

export function themeView(t: Row) {
  return {
    id: t.id,
    centre_id: t.centre_id,
    title: t.title,
    title_en: t.title_en ?? null,
    story: t.story ?? null,
    story_en: t.story_en ?? null,
    hero_media: list(t.hero_media, "items"),
    starts_on: shanghaiDay(t.starts_on),
    ends_on: shanghaiDay(t.ends_on),
    featured_product_ids: list(t.featured_product_ids, "ids"),
    featured_exhibit_ids: list(t.featured_exhibit_ids, "ids"),
    status: t.status,
    created_at: t.created_at,
    updated_at: t.updated_at,
  }
}

export function eventView(e: Row, taken = 0, now = Date.now()) {
  const startsAt = new Date(e.starts_at).getTime()
  const closesAt = e.signup_closes_at ? new Date(e.signup_closes_at).getTime() : startsAt
  const seatsLeft = Math.max(0, e.capacity - taken)
  return {
    id: e.id,
    theme_id: e.theme_id,
    title: e.title,
    title_en: e.title_en ?? null,
    description: e.description ?? null,
    location: e.location ?? null,
    starts_at: e.starts_at,
    ends_at: e.ends_at,
    capacity: e.capacity,
    signup_closes_at: e.signup_closes_at ?? null,
    seats_taken: taken,
    seats_left: seatsLeft,
    signup_open: seatsLeft > 0 && now < startsAt && now < closesAt,
  }
}

export function signupView(s: Row) {
  return {
    id: s.id,
    event_id: s.event_id,
    name: s.name,
    phone: s.phone,
    email: s.email ?? null,
    organization_name: s.organization_name ?? null,
    party_size: s.party_size,
    status: s.status,
    created_at: s.created_at,
  }
}
