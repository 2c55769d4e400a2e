import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { setPayOnAcceptanceDueDatesWorkflow } from "../workflows/set-pay-on-acceptance-due-dates"

/** `order.accepted` (plugins/orders: `{ id: order id, acceptance_id, customer_id }`). */
type OrderAccepted = { id: string; acceptance_id?: string | null }

/** 验收后付款: an accepted order's pay-on-acceptance payments get their due date (acceptance + N days). */
export default async function orderAcceptedPaymentDue({ event, container }: SubscriberArgs<OrderAccepted>) {
  await setPayOnAcceptanceDueDatesWorkflow(container).run({
    input: { order_id: event.data.id, acceptance_id: event.data.acceptance_id ?? null },
  })
}

export const config: SubscriberConfig = {
  event: "order.accepted",
  context: { subscriberId: "payments-pay-on-acceptance-due-date" },
}
