import type { MedusaContainer, OrderDetailDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { getLastPaymentStatus } from "@medusajs/medusa/core-flows"
import SupplierOrderLink from "../../links/supplier-order"
import SupplierProductLink from "../../links/supplier-product"
import SupplierStockLocationLink from "../../links/supplier-stock-location"

/**
 * A supplier's view of an order (供应商订单): only the lines of its own products, its own
 * fulfillments, the buyer's acceptance (验收) and what it needs to ship. Everything is read
 * through Medusa's query from the order, the supplier↔order and supplier↔product links; which
 * lines are the supplier's is decided by the supplier↔product link.
 */

type Time = Date | string | null | undefined

/** The stages the buyer sees on their timeline, here for the supplier's own lines. */
export type SupplierOrderStatus = "placed" | "paid" | "shipped" | "delivered" | "accepted" | "canceled"
export type SupplierLineStatus = "pending" | "packed" | "shipped" | "delivered"

export interface SupplierOrderLine {
  id: string
  title: string
  product_id: string | null
  product_title: string | null
  variant_id: string | null
  variant_title: string | null
  sku: string | null
  thumbnail: string | null
  /** goods, rental, service or specialty (the product's `metadata.offer_kind`). */
  kind: string | null
  quantity: number
  unit_price: number
  subtotal: number
  fulfilled_quantity: number
  shipped_quantity: number
  delivered_quantity: number
  status: SupplierLineStatus
}

export interface SupplierFulfillment {
  id: string
  kind: "shipment" | "service"
  carrier: string | null
  tracking_numbers: string[]
  note: string | null
  location_id: string | null
  packed_at: string | null
  shipped_at: string | null
  delivered_at: string | null
  canceled_at: string | null
  /** Created by this supplier (or holding only its lines), so it may mark it delivered. */
  own: boolean
  items: { line_item_id: string; quantity: number }[]
}

export interface SupplierOrderAddress {
  first_name?: string | null
  last_name?: string | null
  company?: string | null
  phone?: string | null
  address_1?: string | null
  address_2?: string | null
  city: string | null
  province: string | null
  postal_code?: string | null
  country_code?: string | null
}

export interface SupplierOrderView {
  id: string
  display_id: number | null
  created_at: string | null
  canceled_at: string | null
  /** The supplier's part of the order, in the buyer's words (placed → paid → shipped → delivered → accepted). */
  status: SupplierOrderStatus
  /** Medusa's aggregate payment status of the whole order. */
  payment_status: string
  currency_code: string
  /** Sum of the supplier's lines (prices include VAT). */
  subtotal: number
  shipping_address: SupplierOrderAddress | null
  shipping_method: string | null
  items: SupplierOrderLine[]
  fulfillments: SupplierFulfillment[]
  acceptance: { id: string; accepted_at: string | null; note: string | null } | null
}

const PAID_STATUSES = new Set(["captured", "partially_refunded", "refunded"])

const ORDER_FIELDS = [
  "id",
  "display_id",
  "status",
  "created_at",
  "canceled_at",
  "currency_code",
  "shipping_address.*",
  "shipping_methods.name",
  // The quantities live on the item's detail; Medusa merges them into the item only with "items.*".
  "items.*",
  "items.detail.*",
  "payment_collections.*",
  "fulfillments.id",
  "fulfillments.location_id",
  "fulfillments.packed_at",
  "fulfillments.shipped_at",
  "fulfillments.delivered_at",
  "fulfillments.canceled_at",
  "fulfillments.metadata",
  "fulfillments.items.line_item_id",
  "fulfillments.items.quantity",
  "fulfillments.labels.tracking_number",
  "order_acceptance.id",
  "order_acceptance.accepted_at",
  "order_acceptance.note",
]

interface QueriedItem {
  id: string
  title: string
  product_id?: string | null
  product_title?: string | null
  variant_id?: string | null
  variant_title?: string | null
  variant_sku?: string | null
  thumbnail?: string | null
  quantity: unknown
  unit_price: unknown
  fulfilled_quantity?: unknown
  shipped_quantity?: unknown
  delivered_quantity?: unknown
  detail?: { quantity?: unknown; fulfilled_quantity?: unknown; shipped_quantity?: unknown; delivered_quantity?: unknown } | null
}

interface QueriedFulfillment {
  id: string
  location_id?: string | null
  packed_at?: Time
  shipped_at?: Time
  delivered_at?: Time
  canceled_at?: Time
  metadata?: Record<string, unknown> | null
  items?: ({ line_item_id?: string | null; quantity: unknown } | null)[] | null
  labels?: ({ tracking_number?: string | null } | null)[] | null
}

interface QueriedOrder {
  id: string
  display_id?: number | null
  status: string
  created_at: Time
  canceled_at?: Time
  currency_code: string
  shipping_address?: (SupplierOrderAddress & Record<string, unknown>) | null
  shipping_methods?: ({ name?: string | null } | null)[] | null
  items?: (QueriedItem | null)[] | null
  payment_collections?: unknown[] | null
  fulfillments?: (QueriedFulfillment | null)[] | null
  order_acceptance?: { id: string; accepted_at: Time; note?: string | null } | null
}

/** Quantities and prices arrive as numbers, numeric strings or BigNumber objects. */
export function num(value: unknown): number {
  if (value === null || value === undefined) return 0
  if (typeof value === "number") return value
  if (typeof value === "string") return Number(value)
  if (typeof value === "object" && "numeric" in (value as object)) return Number((value as { numeric: unknown }).numeric)
  return Number(value)
}

function iso(value: Time): string | null {
  if (value === null || value === undefined) return null
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

function query(container: MedusaContainer) {
  return container.resolve(ContainerRegistrationKeys.QUERY)
}

export const NOT_FOUND_MESSAGE = (orderId: string) => `订单不存在 / Order ${orderId} was not found`

/** Newest first: the ids of the orders linked to the supplier, one page of them, and how many there are. */
export async function listSupplierOrderIds(
  container: MedusaContainer,
  supplierId: string,
  page: { skip: number; take: number }
): Promise<{ ids: string[]; count: number }> {
  const { data, metadata } = await query(container).graph({
    entity: SupplierOrderLink.entryPoint,
    fields: ["order_id"],
    filters: { supplier_id: supplierId },
    // Order ids are ULIDs, so this is newest first.
    pagination: { skip: page.skip, take: page.take, order: { order_id: "DESC" } },
  })
  return { ids: (data as { order_id: string }[]).map((row) => row.order_id), count: metadata?.count ?? data.length }
}

/** Is the order linked to the supplier? (The tenant wall for every order route.) */
export async function isSupplierOrder(container: MedusaContainer, supplierId: string, orderId: string): Promise<boolean> {
  const { data } = await query(container).graph({
    entity: SupplierOrderLink.entryPoint,
    fields: ["order_id"],
    filters: { supplier_id: supplierId, order_id: orderId },
  })
  return data.length > 0
}

/** The product ids among `productIds` that belong to the supplier. */
export async function supplierProductIds(container: MedusaContainer, supplierId: string, productIds: string[]): Promise<Set<string>> {
  if (!productIds.length) return new Set()
  const { data } = await query(container).graph({
    entity: SupplierProductLink.entryPoint,
    fields: ["product_id"],
    filters: { supplier_id: supplierId, product_id: [...new Set(productIds)] },
  })
  return new Set((data as { product_id: string }[]).map((row) => row.product_id))
}

/** The suppliers of the given products (supplier↔product link): product id → supplier id. */
export async function suppliersOfProducts(container: MedusaContainer, productIds: string[]): Promise<Map<string, string>> {
  if (!productIds.length) return new Map()
  const { data } = await query(container).graph({
    entity: SupplierProductLink.entryPoint,
    fields: ["product_id", "supplier_id"],
    filters: { product_id: [...new Set(productIds)] },
  })
  return new Map((data as { product_id: string; supplier_id: string }[]).map((row) => [row.product_id, row.supplier_id]))
}

async function offerKinds(container: MedusaContainer, productIds: string[]): Promise<Map<string, string | null>> {
  if (!productIds.length) return new Map()
  const { data } = await query(container).graph({ entity: "product", fields: ["id", "metadata"], filters: { id: productIds } })
  return new Map(
    (data as { id: string; metadata?: Record<string, unknown> | null }[]).map((p) => {
      const kind = p.metadata?.offer_kind
      return [p.id, typeof kind === "string" ? kind : null]
    })
  )
}

function lineStatus(line: Pick<SupplierOrderLine, "quantity" | "fulfilled_quantity" | "shipped_quantity" | "delivered_quantity">): SupplierLineStatus {
  if (line.delivered_quantity >= line.quantity) return "delivered"
  if (line.shipped_quantity >= line.quantity) return "shipped"
  if (line.fulfilled_quantity >= line.quantity) return "packed"
  return "pending"
}

function orderStatus(order: QueriedOrder, lines: SupplierOrderLine[], paymentStatus: string): SupplierOrderStatus {
  if (order.status === "canceled" || order.canceled_at) return "canceled"
  if (order.order_acceptance) return "accepted"
  if (lines.length && lines.every((l) => l.status === "delivered")) return "delivered"
  if (lines.length && lines.every((l) => l.status === "delivered" || l.status === "shipped")) return "shipped"
  if (PAID_STATUSES.has(paymentStatus)) return "paid"
  return "placed"
}

function address(raw: QueriedOrder["shipping_address"], detail: boolean): SupplierOrderAddress | null {
  if (!raw) return null
  if (!detail) return { city: raw.city ?? null, province: raw.province ?? null }
  const { first_name, last_name, company, phone, address_1, address_2, city, province, postal_code, country_code } = raw
  return { first_name, last_name, company, phone, address_1, address_2, city: city ?? null, province: province ?? null, postal_code, country_code }
}

/**
 * The supplier's view of each of the given orders, in the given order. Orders the supplier
 * has no lines in are still returned (with no lines); callers check the link first.
 */
export async function loadSupplierOrders(
  container: MedusaContainer,
  supplierId: string,
  orderIds: string[],
  options: { detail: boolean }
): Promise<SupplierOrderView[]> {
  if (!orderIds.length) return []
  const { data } = await query(container).graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: orderIds } })
  const orders = data as unknown as QueriedOrder[]
  const productIds = orders.flatMap((o) => (o.items ?? []).map((i) => i?.product_id).filter((id): id is string => !!id))
  const mine = await supplierProductIds(container, supplierId, productIds)
  const kinds = await offerKinds(container, [...mine])
  const byId = new Map(orders.map((o) => [o.id, o]))

  return orderIds
    .map((id) => byId.get(id))
    .filter((o): o is QueriedOrder => !!o)
    .map((order) => {
      const items: SupplierOrderLine[] = (order.items ?? [])
        .filter((i): i is QueriedItem => !!i && !!i.product_id && mine.has(i.product_id))
        .map((i) => {
          const quantity = num(i.quantity ?? i.detail?.quantity)
          const unitPrice = num(i.unit_price)
          const line = {
            id: i.id,
            title: i.title,
            product_id: i.product_id ?? null,
            product_title: i.product_title ?? null,
            variant_id: i.variant_id ?? null,
            variant_title: i.variant_title ?? null,
            sku: i.variant_sku ?? null,
            thumbnail: i.thumbnail ?? null,
            kind: kinds.get(i.product_id!) ?? null,
            quantity,
            unit_price: unitPrice,
            subtotal: Math.round(unitPrice * quantity * 100) / 100,
            fulfilled_quantity: num(i.detail?.fulfilled_quantity ?? i.fulfilled_quantity),
            shipped_quantity: num(i.detail?.shipped_quantity ?? i.shipped_quantity),
            delivered_quantity: num(i.detail?.delivered_quantity ?? i.delivered_quantity),
          }
          return { ...line, status: lineStatus(line) }
        })
      const lineIds = new Set(items.map((i) => i.id))
      const serviceLines = new Set(items.filter((i) => i.kind === "service").map((i) => i.id))

      const fulfillments: SupplierFulfillment[] = (order.fulfillments ?? [])
        .filter((f): f is QueriedFulfillment => !!f)
        .map((f) => {
          const all = (f.items ?? []).filter((i): i is { line_item_id: string; quantity: unknown } => !!i?.line_item_id)
          const ours = all.filter((i) => lineIds.has(i.line_item_id))
          if (!ours.length) return null
          const metadata = f.metadata ?? {}
          const own = metadata.supplier_id === supplierId || (!metadata.supplier_id && ours.length === all.length)
          return {
            id: f.id,
            kind: metadata.kind === "service" || ours.every((i) => serviceLines.has(i.line_item_id)) ? ("service" as const) : ("shipment" as const),
            carrier: typeof metadata.carrier === "string" ? metadata.carrier : null,
            tracking_numbers: (f.labels ?? []).map((l) => l?.tracking_number).filter((t): t is string => !!t),
            note: typeof metadata.note === "string" ? metadata.note : null,
            location_id: f.location_id ?? null,
            packed_at: iso(f.packed_at),
            shipped_at: iso(f.shipped_at),
            delivered_at: iso(f.delivered_at),
            canceled_at: iso(f.canceled_at),
            own,
            items: ours.map((i) => ({ line_item_id: i.line_item_id, quantity: num(i.quantity) })),
          }
        })
        .filter((f): f is SupplierFulfillment => f !== null)

      const paymentStatus = getLastPaymentStatus({ ...order, payment_collections: order.payment_collections ?? [] } as unknown as OrderDetailDTO)
      const acceptance = order.order_acceptance
      return {
        id: order.id,
        display_id: order.display_id ?? null,
        created_at: iso(order.created_at),
        canceled_at: iso(order.canceled_at),
        status: orderStatus(order, items, paymentStatus),
        payment_status: paymentStatus,
        currency_code: order.currency_code,
        subtotal: Math.round(items.reduce((sum, i) => sum + i.subtotal, 0) * 100) / 100,
        shipping_address: address(order.shipping_address, options.detail),
        shipping_method: order.shipping_methods?.find((m) => m?.name)?.name ?? null,
        items,
        fulfillments: options.detail ? fulfillments : [],
        acceptance: acceptance ? { id: acceptance.id, accepted_at: iso(acceptance.accepted_at), note: acceptance.note ?? null } : null,
      }
    })
}

/** One order as the supplier sees it; 404 when it is not linked to the supplier (whoever's it is). */
export async function loadSupplierOrder(container: MedusaContainer, supplierId: string, orderId: string): Promise<SupplierOrderView> {
  const linked = await isSupplierOrder(container, supplierId, orderId)
  const [order] = linked ? await loadSupplierOrders(container, supplierId, [orderId], { detail: true }) : []
  if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, NOT_FOUND_MESSAGE(orderId))
  return order
}

/**
 * Where the supplier's lines leave from: the supplier's own stock location when it has one
 * that holds the reserved stock (or stocks every item), otherwise the location the stock was
 * reserved at; undefined lets Medusa take each reservation's own location.
 */
export async function fulfilmentLocation(container: MedusaContainer, supplierId: string, lineIds: string[]): Promise<string | undefined> {
  const q = query(container)
  const [{ data: links }, { data: reservations }] = await Promise.all([
    q.graph({ entity: SupplierStockLocationLink.entryPoint, fields: ["stock_location_id"], filters: { supplier_id: supplierId } }),
    q.graph({ entity: "reservation", fields: ["line_item_id", "location_id", "inventory_item_id"], filters: { line_item_id: lineIds } }),
  ])
  const supplierLocations = (links as { stock_location_id: string }[]).map((l) => l.stock_location_id)
  const reserved = reservations as { location_id: string; inventory_item_id: string }[]
  const reservedLocations = [...new Set(reserved.map((r) => r.location_id))]
  if (supplierLocations.length) {
    if (reservedLocations.length === 1 && supplierLocations.includes(reservedLocations[0])) return reservedLocations[0]
    const inventoryItems = [...new Set(reserved.map((r) => r.inventory_item_id))]
    if (inventoryItems.length) {
      const { data: levels } = await q.graph({
        entity: "inventory_level",
        fields: ["location_id", "inventory_item_id"],
        filters: { inventory_item_id: inventoryItems, location_id: supplierLocations },
      })
      const stocked = new Set((levels as { location_id: string; inventory_item_id: string }[]).map((l) => `${l.location_id}/${l.inventory_item_id}`))
      const location = supplierLocations.find((loc) => inventoryItems.every((item) => stocked.has(`${loc}/${item}`)))
      if (location) return location
    }
  }
  return reservedLocations.length === 1 ? reservedLocations[0] : undefined
}
