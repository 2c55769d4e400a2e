import type { MedusaContainer } from "@medusajs/framework/types"
import { approvals } from "./approval-service"
import { publicApprovalRequest, type PublicApprovalRequest } from "./approval-view"
import { organizations } from "./organization-service"
import { APPROVAL_STATUSES, type ApprovalStatus } from "./spending-rules"
import type { ApprovalRequestRecord } from "./spending"
import { addYuan, categoryMatcher, query } from "./supervision-orders"

/**
 * The supervisor's view of approval requests (监管·审批) of every buyer organisation. What a
 * request is for is its cart: `supplier_id` and `category_id` match requests whose cart holds a
 * product of that supplier (supplier ↔ product link of @gongwucang/supplier) or in that category
 * (or below it); carts are read through Query.
 */

export interface SupervisedApprovalFilters {
  organization_id?: string
  supplier_id?: string
  category_id?: string
  status?: ApprovalStatus
  /** Inclusive lower bound on when the request was made. */
  from?: Date
  /** Exclusive upper bound. */
  to?: Date
}

export type SupervisedApproval = PublicApprovalRequest & {
  organization: { id: string; name: string } | null
  suppliers: { id: string; name: string }[]
  items: { title: string; product_id: string | null; quantity: number }[]
}

export interface ApprovalSummary {
  count: number
  /** Sum of the requests' amounts, in yuan. */
  total_amount: number
  currency_code: "cny"
  by_status: Record<ApprovalStatus, number>
}

export const APPROVAL_PAGE = 200

type Row = Record<string, any>

async function supplierProducts(container: MedusaContainer, supplierId: string): Promise<Set<string>> {
  const { data } = await query(container).graph({ entity: "supplier_product", fields: ["product_id"], filters: { supplier_id: supplierId } })
  return new Set((data as Row[]).map((row) => row.product_id as string))
}

async function cartItems(container: MedusaContainer, cartIds: string[]): Promise<Map<string, SupervisedApproval["items"]>> {
  if (!cartIds.length) return new Map()
  const { data } = await query(container).graph({
    entity: "cart",
    fields: ["id", "items.product_id", "items.product_title", "items.title", "items.quantity"],
    filters: { id: cartIds },
  })
  return new Map(
    (data as Row[]).map((cart) => [
      cart.id as string,
      ((cart.items ?? []) as (Row | null)[])
        .filter((item): item is Row => !!item)
        .map((item) => ({ title: item.product_title || item.title, product_id: item.product_id ?? null, quantity: Number(item.quantity ?? 0) })),
    ])
  )
}

async function suppliersOfProducts(container: MedusaContainer, productIds: string[]): Promise<Map<string, { id: string; name: string }>> {
  const result = new Map<string, { id: string; name: string }>()
  if (!productIds.length) return result
  const { data: links } = await query(container).graph({ entity: "supplier_product", fields: ["product_id", "supplier_id"], filters: { product_id: productIds } })
  const supplierIds = [...new Set((links as Row[]).map((row) => row.supplier_id as string))]
  if (!supplierIds.length) return result
  const { data: suppliers } = await query(container).graph({ entity: "supplier", fields: ["id", "company_name"], filters: { id: supplierIds } })
  const names = new Map((suppliers as Row[]).map((s) => [s.id as string, s.company_name as string]))
  for (const link of links as Row[]) result.set(link.product_id, { id: link.supplier_id, name: names.get(link.supplier_id) ?? link.supplier_id })
  return result
}

/** Every matching request, newest first, a page at a time (exports and the summary). */
export async function* supervisedApprovalPages(container: MedusaContainer, filters: SupervisedApprovalFilters): AsyncGenerator<SupervisedApproval[]> {
  const where: Record<string, unknown> = {}
  if (filters.organization_id) where.organization_id = filters.organization_id
  if (filters.status) where.status = filters.status
  if (filters.from || filters.to) where.created_at = { ...(filters.from ? { $gte: filters.from } : {}), ...(filters.to ? { $lt: filters.to } : {}) }
  const ofSupplier = filters.supplier_id ? await supplierProducts(container, filters.supplier_id) : null
  if (ofSupplier && !ofSupplier.size) return
  const inCategory = filters.category_id ? await categoryMatcher(container, filters.category_id) : null
  const names = new Map<string, string>()
  for (let skip = 0; ; skip += APPROVAL_PAGE) {
    const rows = (await approvals(container).listApprovalRequests(where, {
      skip,
      take: APPROVAL_PAGE,
      order: { created_at: "DESC", id: "DESC" },
    })) as unknown as ApprovalRequestRecord[]
    if (rows.length) {
      const items = await cartItems(container, [...new Set(rows.map((r) => r.cart_id))])
      // Every filter must match some item of the cart (each may match a different item).
      const productIdsOf = (r: ApprovalRequestRecord) => (items.get(r.cart_id) ?? []).map((item) => item.product_id).filter((id): id is string => !!id)
      const wanted = [ofSupplier, inCategory ? await inCategory(rows.flatMap(productIdsOf)) : null].filter((set): set is Set<string> => !!set)
      const matching = rows.filter((r) => wanted.every((set) => productIdsOf(r).some((id) => set.has(id))))
      const missing = [...new Set(matching.map((r) => r.organization_id))].filter((id) => !names.has(id))
      if (missing.length) {
        for (const o of await organizations(container).listOrganizations({ id: missing }, { select: ["id", "name"] })) names.set(o.id, o.name)
      }
      const productIds = [...new Set(matching.flatMap((r) => (items.get(r.cart_id) ?? []).map((i) => i.product_id).filter((id): id is string => !!id)))]
      const suppliers = await suppliersOfProducts(container, productIds)
      if (matching.length) {
        yield matching.map((r) => {
          const lines = items.get(r.cart_id) ?? []
          const own = new Map<string, { id: string; name: string }>()
          for (const line of lines) {
            const supplier = line.product_id ? suppliers.get(line.product_id) : undefined
            if (supplier) own.set(supplier.id, supplier)
          }
          return {
            ...publicApprovalRequest(r),
            organization: names.has(r.organization_id) ? { id: r.organization_id, name: names.get(r.organization_id)! } : null,
            suppliers: [...own.values()],
            items: lines,
          }
        })
      }
    }
    if (rows.length < APPROVAL_PAGE) return
  }
}

export async function listSupervisedApprovals(
  container: MedusaContainer,
  filters: SupervisedApprovalFilters,
  page: { limit: number; offset: number }
): Promise<{ approval_requests: SupervisedApproval[]; summary: ApprovalSummary }> {
  const list: SupervisedApproval[] = []
  const byStatus = Object.fromEntries(APPROVAL_STATUSES.map((s) => [s, 0])) as Record<ApprovalStatus, number>
  let count = 0
  let fen = 0
  for await (const rows of supervisedApprovalPages(container, filters)) {
    for (const row of rows) {
      if (count >= page.offset && list.length < page.limit) list.push(row)
      count++
      fen = addYuan(fen, row.amount)
      byStatus[row.status as ApprovalStatus] = (byStatus[row.status as ApprovalStatus] ?? 0) + 1
    }
  }
  return { approval_requests: list, summary: { count, total_amount: fen / 100, currency_code: "cny", by_status: byStatus } }
}
