import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { dataOnAcceptance, type PaymentForTerms } from "../../lib/pay-on-acceptance"
import { asRecord } from "../../lib/payment-data"
import { PAY_ON_ACCEPTANCE_PROVIDER_ID } from "../../lib/providers"
import type { UpdatePaymentsDataStepInput } from "./update-payments-data"

export interface CollectAcceptedOrderPaymentsStepInput {
  order_id: string
  acceptance_id?: string | null
}

/**
 * The order's pay-on-acceptance payments that still need their due date, with the data they get:
 * accepted_at (the acceptance record's, read through the orders plugin's link in the query
 * graph; now when it is not there) and due_at = accepted_at + N days. Read-only.
 */
export const collectAcceptedOrderPaymentsStep = createStep(
  "collect-accepted-order-pay-on-acceptance-payments",
  async (input: CollectAcceptedOrderPaymentsStepInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: orders } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "payment_collections.payments.id",
        "payment_collections.payments.provider_id",
        "payment_collections.payments.data",
        "payment_collections.payments.captured_at",
        "payment_collections.payments.canceled_at",
      ],
      filters: { id: input.order_id },
    })
    const order = orders[0] as { payment_collections?: ({ payments?: (PaymentForTerms | null)[] } | null)[] } | undefined
    const payments = (order?.payment_collections ?? [])
      .flatMap((collection) => collection?.payments ?? [])
      .filter((payment): payment is PaymentForTerms => payment?.provider_id === PAY_ON_ACCEPTANCE_PROVIDER_ID && !payment.canceled_at)
      .filter((payment) => !asRecord(payment.data).due_at)
    if (!payments.length) return new StepResponse<UpdatePaymentsDataStepInput>({ updates: [] })

    const acceptance = await acceptanceOf(query, input.order_id)
    const acceptedAt = acceptance?.accepted_at ? new Date(acceptance.accepted_at) : new Date()
    const acceptanceId = acceptance?.id ?? input.acceptance_id ?? null
    return new StepResponse<UpdatePaymentsDataStepInput>({
      updates: payments.map((payment) => {
        const previous = asRecord(payment.data)
        return { payment_id: payment.id, previous, data: dataOnAcceptance(previous, { accepted_at: acceptedAt, acceptance_id: acceptanceId }) }
      }),
    })
  }
)

/** The order's acceptance (验收) through the orders plugin's order ↔ order_acceptance link, if that plugin is loaded. */
async function acceptanceOf(
  query: { graph: (config: { entity: string; fields: string[]; filters: Record<string, unknown> }) => Promise<{ data: any[] }> },
  orderId: string
): Promise<{ id: string; accepted_at: string | Date } | null> {
  try {
    const { data } = await query.graph({ entity: "order", fields: ["id", "order_acceptance.id", "order_acceptance.accepted_at"], filters: { id: orderId } })
    return data[0]?.order_acceptance ?? null
  } catch {
    return null
  }
}
