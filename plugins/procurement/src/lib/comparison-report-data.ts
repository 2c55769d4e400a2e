import type { SpecEntry } from "./comparison-offers"
import { verifyUrl } from "./comparison-service"
import type { ReportData } from "./comparison-report"

type Row = Record<string, any>

/** Who did something: a buyer (customer), an agency user, … */
export interface ReportActor {
  type: "customer" | "agency" | "user" | "system"
  id: string
  name: string | null
}

const iso = (v: unknown) => new Date(v as string).toISOString()

/** The report's data from a confirmed comparison (with offers and reviews) and its organisation. */
export function buildReportData(c: Row, organization: Row, confirmedBy: ReportActor, comment: string | null, generatedAt: Date): ReportData {
  const offers = [...(c.offers ?? [])].sort((a: Row, b: Row) => a.position - b.position)
  const chosen = offers.find((o: Row) => o.id === c.selected_offer_id)
  if (!chosen || !c.serial || !c.confirmed_at || !c.prices_locked_until) throw new Error(`comparison ${c.id} is not confirmed with a chosen offer`)
  const reviews = [...(c.reviews ?? [])].sort((a: Row, b: Row) => new Date(a.at).getTime() - new Date(b.at).getTime())
  return {
    document: "price_comparison_report",
    serial: c.serial,
    title: c.title,
    organization: { id: organization.id, name: organization.name, credit_code: organization.credit_code ?? null },
    need: { category_id: c.category_id, category_name: c.category_name ?? null, quantity: c.quantity, required_specs: c.required_specs ?? null },
    offers: offers.map((o: Row) => ({
      id: o.id,
      supplier: { id: o.supplier_id, name: o.supplier_name },
      title: o.title,
      variant_title: o.variant_title ?? null,
      unit_price: Number(o.unit_price),
      line_total: Math.round(Number(o.unit_price) * c.quantity * 100) / 100,
      currency_code: o.currency_code,
      specs: (o.specs?.specs ?? []) as SpecEntry[],
      after_sales: o.after_sales ?? null,
      selected: o.id === c.selected_offer_id,
    })),
    selection: { offer_id: chosen.id, supplier_name: chosen.supplier_name, title: chosen.title, unit_price: Number(chosen.unit_price), reason: c.selection_reason ?? "" },
    agency: { id: c.agency_id, name: c.agency_name, confirmed_by: { id: confirmedBy.id, name: confirmedBy.name }, confirmed_at: iso(c.confirmed_at), comment },
    history: reviews.map((r: Row) => ({ action: r.action, by: r.actor_name ?? r.actor_id, at: iso(r.at), comment: r.comment ?? null })),
    created_at: iso(c.created_at),
    submitted_at: c.submitted_at ? iso(c.submitted_at) : null,
    confirmed_at: iso(c.confirmed_at),
    prices_locked_until: iso(c.prices_locked_until),
    generated_at: generatedAt.toISOString(),
    verify_url: verifyUrl(c.serial),
  }
}
