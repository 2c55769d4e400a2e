import type { SpecEntry } from "./comparison-offers"
import { verifyUrl } from "./comparison-service"

type Row = Record<string, any>

const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null)

export function offerView(offer: Row) {
  const specs = ((offer.specs?.specs ?? []) as SpecEntry[])
  return {
    id: offer.id,
    position: offer.position,
    variant_id: offer.variant_id,
    product_id: offer.product_id,
    supplier: { id: offer.supplier_id, name: offer.supplier_name },
    title: offer.title,
    variant_title: offer.variant_title ?? null,
    thumbnail: offer.thumbnail ?? null,
    unit_price: Number(offer.unit_price),
    currency_code: offer.currency_code,
    // label → value with its unit, as the compare page shows them; `spec_list` keeps the structure.
    specs: Object.fromEntries(specs.map((s) => [s.label_zh, typeof s.value === "boolean" ? (s.value ? "是" : "否") : `${s.value}${s.unit ? ` ${s.unit}` : ""}`])),
    spec_list: specs,
    after_sales: offer.after_sales ?? null,
  }
}

export function reviewView(review: Row) {
  return {
    action: review.action,
    comment: review.comment ?? null,
    by: { type: review.actor_type, id: review.actor_id, name: review.actor_name ?? null },
    at: iso(review.at),
  }
}

/** A comparison as buyers and agencies read it (never the report's bytes). */
export function comparisonView(c: Row, report: Row | null) {
  const offers = [...(c.offers ?? [])].sort((a: Row, b: Row) => a.position - b.position).map(offerView)
  const reviews = [...(c.reviews ?? [])].sort((a: Row, b: Row) => new Date(a.at).getTime() - new Date(b.at).getTime()).map(reviewView)
  return {
    id: c.id,
    title: c.title,
    organization: { id: c.organization_id, name: c.organization_name },
    category: { id: c.category_id, name: c.category_name ?? null },
    category_id: c.category_id,
    quantity: c.quantity,
    required_specs: c.required_specs ?? null,
    status: c.status,
    offers,
    selected_offer_id: c.selected_offer_id ?? null,
    selection_reason: c.selection_reason ?? null,
    agency: c.agency_id ? { id: c.agency_id, name: c.agency_name } : null,
    reviews,
    serial: c.serial ?? null,
    report: report ? { sha256: report.sha256, content_sha256: report.content_sha256, generated_at: iso(report.generated_at), verify_url: verifyUrl(report.serial) } : null,
    prices_locked_until: iso(c.prices_locked_until),
    cart_id: c.cart_id ?? null,
    order_id: c.order_id ?? null,
    submitted_at: iso(c.submitted_at),
    confirmed_at: iso(c.confirmed_at),
    created_at: iso(c.created_at),
    updated_at: iso(c.updated_at),
  }
}

/** List entries: no offers' details, just how many and the price range. */
export function comparisonSummary(c: Row) {
  const prices = (c.offers ?? []).map((o: Row) => Number(o.unit_price))
  return {
    id: c.id,
    title: c.title,
    organization: { id: c.organization_id, name: c.organization_name },
    category: { id: c.category_id, name: c.category_name ?? null },
    quantity: c.quantity,
    status: c.status,
    offer_count: prices.length,
    lowest_price: prices.length ? Math.min(...prices) : null,
    agency: c.agency_id ? { id: c.agency_id, name: c.agency_name } : null,
    serial: c.serial ?? null,
    submitted_at: iso(c.submitted_at),
    confirmed_at: iso(c.confirmed_at),
    created_at: iso(c.created_at),
    updated_at: iso(c.updated_at),
  }
}

export const COMPARISON_RELATIONS = ["offers", "reviews"]

export function reportPublicView(report: Row) {
  return {
    serial: report.serial,
    sha256: report.sha256,
    content_sha256: report.content_sha256,
    size: report.size,
    generated_at: iso(report.generated_at),
    organization_name: report.organization_name,
    title: report.title,
  }
}
