import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, OrderWorkflowEvents } from "@medusajs/framework/utils"
import { linkOrderApprovalWorkflow } from "../workflows/link-order-approval"

/** An order placed under an approval is linked to it (approval_request ↔ order). */
export default async function linkPlacedOrderToApproval({ event, container }: SubscriberArgs<{ id: string }>) {
  try {
    await linkOrderApprovalWorkflow(container).run({ input: { order_id: event.data.id } })
  } catch (error) {
    container.resolve(ContainerRegistrationKeys.LOGGER).error(`procurement: could not link order ${event.data.id} to its approval: ${error instanceof Error ? error.message : error}`)
    throw error
  }
}

export const config: SubscriberConfig = { event: OrderWorkflowEvents.PLACED, context: { subscriberId: "procurement-order-placed-link-approval" } }
