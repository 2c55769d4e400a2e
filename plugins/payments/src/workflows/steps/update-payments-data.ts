import type { IPaymentModuleService, UpdatePaymentDTO } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export interface UpdatePaymentsDataStepInput {
  updates: {
    payment_id: string
    /** The payment's data as it was (restored if a later step fails). */
    previous: Record<string, unknown>
    /** The whole new data. */
    data: Record<string, unknown>
  }[]
}

/**
 * Writes new `data` into payments (the offline providers keep their state there). Compensation
 * puts back each payment's data as it was. Medusa's UpdatePaymentDTO type lists only the id,
 * but the Payment Module writes the payment columns it is given; `data` is one of them.
 */
export const updatePaymentsDataStep = createStep(
  "update-offline-payments-data",
  async (input: UpdatePaymentsDataStepInput, { container }) => {
    const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
    const done: { payment_id: string; data: Record<string, unknown> }[] = []
    try {
      for (const update of input.updates) {
        await payments.updatePayment({ id: update.payment_id, data: update.data } as UpdatePaymentDTO)
        done.push({ payment_id: update.payment_id, data: update.previous })
      }
    } catch (error) {
      // A failing step is not compensated: undo what it wrote itself.
      for (const previous of done) await payments.updatePayment({ id: previous.payment_id, data: previous.data } as UpdatePaymentDTO)
      throw error
    }
    return new StepResponse(input.updates.map((update) => update.payment_id), done)
  },
  async (done, { container }) => {
    if (!done?.length) return
    const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
    for (const previous of done) await payments.updatePayment({ id: previous.payment_id, data: previous.data } as UpdatePaymentDTO)
  }
)
