import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { amount } from "./organization-view"

/**
 * The supervisor's view of orders (监管·订单): Medusa orders placed by members of buyer
 * organisations, read only through Query — the order's customer, the organisation module's
 * member ↔ customer link, the supplier plugin's supplier ↔ order link and the product module's
 * categories. Nothing here reads another module's tables.
 *
 * An order belongs to the organisation its buyer is a member of (membership is one per customer).
 */

export const SUPERVISED_ORDER_STATUSES = ["pending", "completed", "archived", "canceled", "requires_action"] as const
export type SupervisedOrderStatus = (typeof SUPERVISED_ORDER_STATUSES)[number]

export interface SupervisedOrderFilters {
  organization_id?: string
  supplier_id?: string
  category_id?: string
  /** Inclusive lower bound on when the order was placed. */
  from?: Date
  /** Exclusive upper bound. */
  to?: Date
  status?: SupervisedOrderStatus
}

export interface SupervisedOrder {
  id: string
  display_id: number | null
  created_at: string | null
  status: string
  currency_code: string
  /** What the buyer pays, in yuan (prices include VAT). */
  total: number
  organization: { id: string; name: string } | null
  customer: { id: string | null; email: string | null; name: string }
  suppliers: { id: string; name: string }[]
  items: { title: string; product_id: string | null; quantity: number }[]
}

export interface OrderSummary {
  count: number
  /** Sum of the matching orders' totals, in yuan. */
  total_amount: number
  currency_code: "cny"
}

/** How many orders are read from Medusa at once; a list or an export never holds more than this. */
export const ORDER_PAGE = 200

export const query = (container: MedusaContainer) => container.resolve(ContainerRegistrationKeys.QUERY)

type Row = Record<string, any>

interface Buyer {
  organization: { id: string; name: string }
  email: string | null
  name: string
}

/**
 * The buyers in scope: members of the given organisation (or of every organisation), with their
 * organisation and name, through the member ↔ customer link. Empty when nobody matches.
 */
async function buyersInScope(container: MedusaContainer, organizationId?: string): Promise<Map<string, Buyer>> {
  const { data } = await query(container).graph({
    entity: "organization_member",
    fields: ["id", "organization.id", "organization.name", "customer.id", "customer.email", "customer.first_name", "customer.last_name"],
    filters: organizationId ? { organization_id: organizationId } : {},
  })
  const buyers = new Map<string, Buyer>()
  for (const member of data as Row[]) {
    const customer = member.customer
    if (!customer?.id || !member.organization?.id) continue
    buyers.set(customer.id, {
      organization: { id: member.organization.id, name: member.organization.name },
      email: customer.email ?? null,
      name: [customer.last_name, customer.first_name].filter(Boolean).join(""),
    })
  }
  return buyers
}

/** Ids of the orders holding the supplier's products (supplier ↔ order link of @gongwucang/supplier). */
async function supplierOrderIds(container: MedusaContainer, supplierId: string): Promise<string[]> {
  const { data } = await query(container).graph({ entity: "supplier_order", fields: ["order_id"], filters: { supplier_id: supplierId } })
  return (data as Row[]).map((row) => row.order_id as string)
}

/** The category and every category below it. */
export async function categoryWithDescendants(container: MedusaContainer, categoryId: string): Promise<string[]> {
  const { data } = await query(container).graph({ entity: "product_category", fields: ["id", "parent_category_id"] })
  const children = new Map<string, string[]>()
  for (const category of data as Row[]) {
    const parent = category.parent_category_id as string | null
    if (parent) children.set(parent, [...(children.get(parent) ?? []), category.id])
  }
  const ids: string[] = []
  const queue = [categoryId]
  while (queue.length) {
    const id = queue.shift()!
    if (ids.includes(id)) continue
    ids.push(id)
    queue.push(...(children.get(id) ?? []))
  }
  return ids
}

/**
 * Which of the given products are in the category or below it (the product ↔ category relation
 * read from the products' side, for just the products asked about).
 */
export type CategoryMatcher = (productIds: string[]) => Promise<Set<string>>

export async function categoryMatcher(container: MedusaContainer, categoryId: string): Promise<CategoryMatcher> {
  const categories = new Set(await categoryWithDescendants(container, categoryId))
  const known = new Map<string, boolean>()
  return async (productIds) => {
    const unknown = [...new Set(productIds)].filter((id) => !known.has(id))
    if (unknown.length) {
      const { data } = await query(container).graph({ entity: "product", fields: ["id", "categories.id"], filters: { id: unknown } })
      for (const id of unknown) known.set(id, false)
      for (const product of data as Row[]) {
        known.set(product.id, ((product.categories ?? []) as (Row | null)[]).some((category) => !!category && categories.has(category.id)))
      }
    }
    return new Set(productIds.filter((id) => known.get(id)))
  }
}

/** Supplier names of the orders (supplier ↔ order link, then the suppliers). */
async function suppliersOfOrders(container: MedusaContainer, orderIds: string[]): Promise<Map<string, { id: string; name: string }[]>> {
  const result = new Map<string, { id: string; name: string }[]>()
  if (!orderIds.length) return result
  const { data: links } = await query(container).graph({ entity: "supplier_order", fields: ["order_id", "supplier_id"], filters: { order_id: orderIds } })
  const supplierIds = [...new Set((links as Row[]).map((row) => row.supplier_id as string))]
  if (!supplierIds.length) return result
  const { data: suppliers } = await query(container).graph({ entity: "supplier", fields: ["id", "company_name"], filters: { id: supplierIds } })
  const names = new Map((suppliers as Row[]).map((s) => [s.id as string, s.company_name as string]))
  for (const link of links as Row[]) {
    const list = result.get(link.order_id) ?? []
    list.push({ id: link.supplier_id, name: names.get(link.supplier_id) ?? link.supplier_id })
    result.set(link.order_id, list)
  }
  return result
}

const ORDER_FIELDS = [
  "id",
  "display_id",
  "created_at",
  "status",
  "currency_code",
  "email",
  "customer_id",
  "total",
  "items.id",
  "items.title",
  "items.product_title",
  "items.product_id",
  "items.quantity",
]

interface Scope {
  buyers: Map<string, Buyer>
  filters: Record<string, unknown>
  inCategory: CategoryMatcher | null
}

/** Medusa filters for the supervisor's filters, or null when nothing can match. */
async function scopeOf(container: MedusaContainer, filters: SupervisedOrderFilters): Promise<Scope | null> {
  const buyers = await buyersInScope(container, filters.organization_id)
  if (!buyers.size) return null
  const orderFilters: Record<string, unknown> = { customer_id: [...buyers.keys()], is_draft_order: false }
  if (filters.status) orderFilters.status = filters.status
  if (filters.from || filters.to) {
    orderFilters.created_at = { ...(filters.from ? { $gte: filters.from } : {}), ...(filters.to ? { $lt: filters.to } : {}) }
  }
  if (filters.supplier_id) {
    const ids = await supplierOrderIds(container, filters.supplier_id)
    if (!ids.length) return null
    orderFilters.id = ids
  }
  const inCategory = filters.category_id ? await categoryMatcher(container, filters.category_id) : null
  return { buyers, filters: orderFilters, inCategory }
}

/**
 * Every matching order, newest first, a page of ORDER_PAGE at a time (for exports and the
 * summary): the caller sees each page once and nothing is kept between pages.
 */
export async function* supervisedOrderPages(container: MedusaContainer, filters: SupervisedOrderFilters): AsyncGenerator<SupervisedOrder[]> {
  const scope = await scopeOf(container, filters)
  if (!scope) return
  for (let skip = 0; ; skip += ORDER_PAGE) {
    const { data } = await query(container).graph({
      entity: "order",
      fields: ORDER_FIELDS,
      filters: scope.filters,
      pagination: { skip, take: ORDER_PAGE, order: { created_at: "DESC", id: "DESC" } },
    })
    const rows = data as Row[]
    let matching = rows
    if (scope.inCategory) {
      const productIdsOf = (order: Row) => ((order.items ?? []) as (Row | null)[]).map((item) => item?.product_id as string | undefined).filter((id): id is string => !!id)
      const inCategory = await scope.inCategory(rows.flatMap(productIdsOf))
      matching = rows.filter((order) => productIdsOf(order).some((id) => inCategory.has(id)))
    }
    if (matching.length) {
      const suppliers = await suppliersOfOrders(container, matching.map((order) => order.id as string))
      yield matching.map((order) => view(order, scope.buyers, suppliers))
    }
    if (rows.length < ORDER_PAGE) return
  }
}

function view(order: Row, buyers: Map<string, Buyer>, suppliers: Map<string, { id: string; name: string }[]>): SupervisedOrder {
  const buyer = buyers.get(order.customer_id)
  return {
    id: order.id,
    display_id: order.display_id ?? null,
    created_at: order.created_at ? new Date(order.created_at).toISOString() : null,
    status: order.status,
    currency_code: order.currency_code,
    total: amount(order.total) ?? 0,
    organization: buyer?.organization ?? null,
    customer: { id: order.customer_id ?? null, email: buyer?.email ?? order.email ?? null, name: buyer?.name ?? "" },
    suppliers: suppliers.get(order.id) ?? [],
    items: ((order.items ?? []) as (Row | null)[])
      .filter((item): item is Row => !!item)
      .map((item) => ({ title: item.product_title || item.title, product_id: item.product_id ?? null, quantity: Number(item.quantity ?? 0) })),
  }
}

/** Adds yuan amounts in fen, so a long list does not drift. */
export const addYuan = (fen: number, yuan: number) => fen + Math.round(yuan * 100)

/**
 * One page of matching orders with the count and summary of all of them. The summary needs
 * every match, so the orders are read a page at a time and only the requested window is kept.
 */
export async function listSupervisedOrders(
  container: MedusaContainer,
  filters: SupervisedOrderFilters,
  page: { limit: number; offset: number }
): Promise<{ orders: SupervisedOrder[]; summary: OrderSummary }> {
  const orders: SupervisedOrder[] = []
  let count = 0
  let fen = 0
  for await (const rows of supervisedOrderPages(container, filters)) {
    for (const order of rows) {
      if (count >= page.offset && orders.length < page.limit) orders.push(order)
      count++
      fen = addYuan(fen, order.total)
    }
  }
  return { orders, summary: { count, total_amount: fen / 100, currency_code: "cny" } }
}
