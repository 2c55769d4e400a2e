import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { comparisons } from "../lib/comparison-service"
import { markComparisonOrderedWorkflow } from "../workflows/comparisons"

/**
 * An order placed from a comparison's cart (its line item carries `price_comparison_id`) marks
 * that comparison `ordered` and links the order to it. Only a confirmed comparison moves; one
 * already ordered keeps its first order.
 */
export default async function orderPlacedComparison({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "items.metadata"], filters: { id: event.data.id } })
  const ids = new Set<string>()
  for (const item of data[0]?.items ?? []) {
    const id = (item?.metadata as Record<string, unknown> | null)?.price_comparison_id
    if (typeof id === "string") ids.add(id)
  }
  for (const id of ids) {
    const [c] = await comparisons(container).listPriceComparisons({ id, status: "confirmed" }, { take: 1 })
    if (c) await markComparisonOrderedWorkflow(container).run({ input: { comparison_id: id, order_id: event.data.id } })
  }
}

export const config: SubscriberConfig = { event: "order.placed" }
