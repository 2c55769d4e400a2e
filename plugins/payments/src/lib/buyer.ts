import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { allowedOfflineProviders, mayUseProvider } from "./eligibility"

/**
 * Reads for eligibility, through Medusa's query graph only (customers, carts and orders belong
 * to Medusa's modules; this plugin never touches their tables).
 */

export interface BuyerGroup {
  id: string
  name: string | null
  metadata: Record<string, unknown> | null
}

/** The customer's groups; none for a guest (no id) or an unknown customer. */
export async function customerGroups(scope: MedusaContainer, customerId: string | null | undefined): Promise<BuyerGroup[]> {
  if (!customerId) return []
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "groups.id", "groups.name", "groups.metadata"],
    filters: { id: customerId },
  })
  return ((data[0]?.groups ?? []) as (BuyerGroup | null)[]).filter((group): group is BuyerGroup => !!group)
}

export async function customerMayUse(scope: MedusaContainer, customerId: string | null | undefined, providerId: string): Promise<boolean> {
  return mayUseProvider(providerId, await customerGroups(scope, customerId))
}

export async function offlineProvidersFor(scope: MedusaContainer, customerId: string | null | undefined): Promise<Set<string>> {
  return allowedOfflineProviders(await customerGroups(scope, customerId))
}

export interface CollectionOwner {
  /** A cart's or an order's payment collection at all. */
  found: boolean
  /** The customer the cart (or order) belongs to; null for a guest's. */
  customer_id: string | null
}

/** Whose payment collection this is: its cart's customer, or its order's. */
export async function paymentCollectionOwner(scope: MedusaContainer, paymentCollectionId: string): Promise<CollectionOwner> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: carts } = await query.graph({
    entity: "cart_payment_collection",
    fields: ["cart.id", "cart.customer_id"],
    filters: { payment_collection_id: paymentCollectionId },
  })
  const cart = carts[0]?.cart as { customer_id?: string | null } | undefined
  if (cart) return { found: true, customer_id: cart.customer_id ?? null }
  const { data: orders } = await query.graph({
    entity: "order_payment_collection",
    fields: ["order.id", "order.customer_id"],
    filters: { payment_collection_id: paymentCollectionId },
  })
  const order = orders[0]?.order as { customer_id?: string | null } | undefined
  if (order) return { found: true, customer_id: order.customer_id ?? null }
  return { found: false, customer_id: null }
}
