import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, OrderWorkflowEvents } from "@medusajs/framework/utils"
import { linkOrderSuppliersWorkflow } from "../workflows/link-order-suppliers"

/** A new order becomes visible to each supplier whose products are in it (supplier↔order link). */
export default async function linkPlacedOrderToSuppliers({ event, container }: SubscriberArgs<{ id: string }>) {
  try {
    await linkOrderSuppliersWorkflow(container).run({ input: { order_id: event.data.id } })
  } catch (error) {
    container.resolve(ContainerRegistrationKeys.LOGGER).error(`supplier: could not link order ${event.data.id} to its suppliers: ${error instanceof Error ? error.message : error}`)
    throw error
  }
}

export const config: SubscriberConfig = { event: OrderWorkflowEvents.PLACED }
