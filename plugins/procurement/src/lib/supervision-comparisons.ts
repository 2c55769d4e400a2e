import type { MedusaContainer } from "@medusajs/framework/types"
import { comparisons } from "./comparison-service"
import { comparisonSummary } from "./comparison-view"
import { COMPARISON_STATUSES, type ComparisonStatus } from "./comparison-rules"
import { addYuan, categoryWithDescendants } from "./supervision-orders"

/**
 * The supervisor's view of price comparisons (监管·比价) of every buyer organisation: filters by
 * organisation, supplier (any offer of theirs), category (the comparison's, or below it), status
 * and period (when it was created). Read from the comparison module; offers are snapshots.
 */

export interface SupervisedComparisonFilters {
  organization_id?: string
  supplier_id?: string
  category_id?: string
  status?: ComparisonStatus
  /** Inclusive lower bound on when the comparison was created. */
  from?: Date
  /** Exclusive upper bound. */
  to?: Date
}

type Row = Record<string, any>

export type SupervisedComparison = ReturnType<typeof comparisonSummary> & {
  created_by_email: string | null
  suppliers: { id: string; name: string }[]
  selected_offer: { id: string; supplier: { id: string; name: string }; title: string; unit_price: number; currency_code: string } | null
  /** The selected offer's unit price × quantity, in yuan; null before a selection. */
  selected_amount: number | null
  selection_reason: string | null
  order_id: string | null
}

export interface ComparisonSummaryFigures {
  count: number
  /** Sum of the selected amounts (comparisons with a selection), in yuan. */
  selected_amount: number
  currency_code: "cny"
  by_status: Record<ComparisonStatus, number>
}

export const COMPARISON_PAGE = 200

function view(c: Row): SupervisedComparison {
  const offers = (c.offers ?? []) as Row[]
  const selected = offers.find((o) => o.id === c.selected_offer_id) ?? null
  const suppliers = new Map<string, { id: string; name: string }>()
  for (const offer of [...offers].sort((a, b) => a.position - b.position)) suppliers.set(offer.supplier_id, { id: offer.supplier_id, name: offer.supplier_name })
  const unitPrice = selected ? Number(selected.unit_price) : null
  return {
    ...comparisonSummary(c),
    created_by_email: c.created_by_email ?? null,
    suppliers: [...suppliers.values()],
    selected_offer: selected
      ? { id: selected.id, supplier: { id: selected.supplier_id, name: selected.supplier_name }, title: selected.title, unit_price: unitPrice!, currency_code: selected.currency_code }
      : null,
    selected_amount: unitPrice === null ? null : Math.round(unitPrice * Number(c.quantity) * 100) / 100,
    selection_reason: c.selection_reason ?? null,
    order_id: c.order_id ?? null,
  }
}

async function whereOf(container: MedusaContainer, filters: SupervisedComparisonFilters): Promise<Record<string, unknown> | null> {
  const where: Record<string, unknown> = {}
  if (filters.organization_id) where.organization_id = filters.organization_id
  if (filters.status) where.status = filters.status
  if (filters.from || filters.to) where.created_at = { ...(filters.from ? { $gte: filters.from } : {}), ...(filters.to ? { $lt: filters.to } : {}) }
  if (filters.category_id) where.category_id = await categoryWithDescendants(container, filters.category_id)
  if (filters.supplier_id) {
    const offers = await comparisons(container).listComparisonOffers({ supplier_id: filters.supplier_id }, { select: ["id", "comparison_id"] })
    const ids = [...new Set((offers as unknown as Row[]).map((o) => o.comparison_id as string).filter(Boolean))]
    if (!ids.length) return null
    where.id = ids
  }
  return where
}

/** Every matching comparison, newest first, a page at a time (exports and the summary). */
export async function* supervisedComparisonPages(container: MedusaContainer, filters: SupervisedComparisonFilters): AsyncGenerator<SupervisedComparison[]> {
  const where = await whereOf(container, filters)
  if (!where) return
  for (let skip = 0; ; skip += COMPARISON_PAGE) {
    const rows = (await comparisons(container).listPriceComparisons(where, {
      relations: ["offers"],
      order: { created_at: "DESC", id: "DESC" },
      skip,
      take: COMPARISON_PAGE,
    })) as unknown as Row[]
    if (rows.length) yield rows.map(view)
    if (rows.length < COMPARISON_PAGE) return
  }
}

export async function listSupervisedComparisons(
  container: MedusaContainer,
  filters: SupervisedComparisonFilters,
  page: { limit: number; offset: number }
): Promise<{ comparisons: SupervisedComparison[]; summary: ComparisonSummaryFigures }> {
  const list: SupervisedComparison[] = []
  const byStatus = Object.fromEntries(COMPARISON_STATUSES.map((s) => [s, 0])) as Record<ComparisonStatus, number>
  let count = 0
  let fen = 0
  for await (const rows of supervisedComparisonPages(container, filters)) {
    for (const row of rows) {
      if (count >= page.offset && list.length < page.limit) list.push(row)
      count++
      if (row.selected_amount !== null) fen = addYuan(fen, row.selected_amount)
      byStatus[row.status as ComparisonStatus] = (byStatus[row.status as ComparisonStatus] ?? 0) + 1
    }
  }
  return { comparisons: list, summary: { count, selected_amount: fen / 100, currency_code: "cny", by_status: byStatus } }
}
