import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { attributeOrderWorkflow } from "../workflows/attribution"

/**
 * An order whose cart carried `metadata.showroom_scan_id` (set by the storefront after a kiosk
 * QR scan; Medusa copies the cart's metadata to the order) is attributed to the showroom channel.
 * An unknown scan id is ignored; a second delivery of the event finds the first attribution.
 */
export default async function orderPlacedShowroom({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "metadata", "total", "currency_code"], filters: { id: event.data.id } })
  const order = data[0]
  const scanId = (order?.metadata as Record<string, unknown> | null | undefined)?.showroom_scan_id
  if (!order || typeof scanId !== "string" || !scanId) return
  await attributeOrderWorkflow(container).run({
    input: { order_id: order.id, scan_id: scanId, total: Number(order.total ?? 0), currency_code: String(order.currency_code ?? "cny") },
  })
}

export const config: SubscriberConfig = { event: "order.placed" }
