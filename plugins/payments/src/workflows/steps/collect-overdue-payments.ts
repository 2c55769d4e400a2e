import type { FilterablePaymentProps, IPaymentModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { isNewlyOverdue, type PaymentForTerms } from "../../lib/pay-on-acceptance"
import { asRecord } from "../../lib/payment-data"
import { PAY_ON_ACCEPTANCE_PROVIDER_ID } from "../../lib/providers"
import type { UpdatePaymentsDataStepInput } from "./update-payments-data"

const PAGE = 500

/**
 * Pay-on-acceptance payments past their due date and neither captured nor cancelled nor flagged
 * yet, with the data they get: `overdue: true` and when it was flagged. Read-only.
 */
export const collectOverduePaymentsStep = createStep(
  "collect-overdue-pay-on-acceptance-payments",
  async (input: { now: string }, { container }) => {
    const now = new Date(input.now)
    const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
    const updates: UpdatePaymentsDataStepInput["updates"] = []
    for (let skip = 0; ; skip += PAGE) {
      const page = (await payments.listPayments(
        { provider_id: PAY_ON_ACCEPTANCE_PROVIDER_ID, captured_at: null, canceled_at: null } as unknown as FilterablePaymentProps,
        { select: ["id", "provider_id", "data", "captured_at", "canceled_at"], skip, take: PAGE, order: { created_at: "ASC" } }
      )) as unknown as PaymentForTerms[]
      for (const payment of page) {
        if (!isNewlyOverdue(payment, now)) continue
        const previous = asRecord(payment.data)
        updates.push({ payment_id: payment.id, previous, data: { ...previous, overdue: true, overdue_flagged_at: now.toISOString() } })
      }
      if (page.length < PAGE) break
    }
    return new StepResponse<UpdatePaymentsDataStepInput>({ updates })
  }
)
