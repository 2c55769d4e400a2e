import type { IPaymentModuleService, UpdatePaymentDTO } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { BankTransferReceiptData } from "../../lib/payment-data"

export interface RecordReceiptOnPaymentStepInput {
  payment_id: string
  /** The payment's data as it was. */
  data: Record<string, unknown>
  receipt: BankTransferReceiptData
}

/**
 * Puts the receipt into the payment's data, where the bank transfer provider's capturePayment
 * looks for it (and where the order's payment shows it). Compensation restores the old data.
 *
 * Medusa's UpdatePaymentDTO type lists only the id, but the Payment Module writes whatever
 * payment columns it is given; `data` is one of them.
 */
export const recordReceiptOnPaymentStep = createStep(
  "record-bank-transfer-receipt-on-payment",
  async (input: RecordReceiptOnPaymentStepInput, { container }) => {
    const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
    await payments.updatePayment({ id: input.payment_id, data: { ...input.data, receipt: input.receipt } } as UpdatePaymentDTO)
    return new StepResponse(undefined, { payment_id: input.payment_id, data: input.data })
  },
  async (previous, { container }) => {
    if (!previous) return
    const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
    await payments.updatePayment({ id: previous.payment_id, data: previous.data } as UpdatePaymentDTO)
  }
)
