import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { capturePaymentWorkflow } from "@medusajs/medusa/core-flows"
import type { BankTransferReceiptData } from "../lib/payment-data"
import { createBankTransferReceiptStep } from "./steps/create-bank-transfer-receipt"
import { recordReceiptOnPaymentStep } from "./steps/record-receipt-on-payment"
import { validateBankTransferReceiptStep } from "./steps/validate-bank-transfer-receipt"

export interface MarkBankTransferReceivedWorkflowInput {
  payment_id: string
  /** The bank statement line's reference (银行流水号), whitespace-normalised. */
  statement_line: string
  /** Yuan, as on the statement; must equal the payment's amount. */
  amount: number
  /** When the money arrived (ISO date or date-time). */
  received_at: string
  /** The payment reference the statement line quotes (checked against the payment's when given). */
  reference?: string | null
  payer_name?: string | null
  note?: string | null
  /** The admin user recording it. */
  recorded_by?: string | null
}

export const markBankTransferReceivedWorkflowId = "mark-bank-transfer-received"

/**
 * 到账核销: the operator found the buyer's transfer on the platform account's statement.
 * Validate → write the receipt (unique per payment and per statement line; deleted again on
 * failure) → record it in the payment's data (restored on failure) → capture the payment with
 * Medusa's capturePaymentWorkflow (order transaction, `payment.captured`), last, because a
 * capture is not undone automatically.
 */
export const markBankTransferReceivedWorkflow = createWorkflow(
  markBankTransferReceivedWorkflowId,
  (input: MarkBankTransferReceivedWorkflowInput) => {
    const payment = validateBankTransferReceiptStep({
      payment_id: input.payment_id,
      statement_line: input.statement_line,
      amount: input.amount,
      received_at: input.received_at,
      reference: input.reference,
    })

    const receipt = createBankTransferReceiptStep(
      transform({ input, payment }, ({ input, payment }) => ({
        payment_id: payment.payment_id,
        payment_reference: payment.reference,
        statement_line: input.statement_line,
        amount: payment.amount,
        currency_code: payment.currency_code,
        received_at: input.received_at,
        payer_name: input.payer_name ?? null,
        note: input.note ?? null,
        recorded_by: input.recorded_by ?? null,
      }))
    )

    recordReceiptOnPaymentStep(
      transform({ payment, receipt, input }, ({ payment, receipt, input }) => {
        const data: BankTransferReceiptData = {
          receipt_id: receipt.id,
          statement_line: input.statement_line,
          amount: payment.amount,
          currency_code: payment.currency_code,
          received_at: new Date(input.received_at).toISOString(),
          payer_name: input.payer_name ?? null,
          note: input.note ?? null,
          recorded_by: input.recorded_by ?? null,
          recorded_at: new Date().toISOString(),
        }
        return { payment_id: payment.payment_id, data: payment.data, receipt: data }
      })
    )

    const captured = capturePaymentWorkflow.runAsStep({
      input: transform({ payment, input }, ({ payment, input }) => ({
        payment_id: payment.payment_id,
        amount: payment.amount,
        captured_by: input.recorded_by ?? undefined,
      })),
    })

    return new WorkflowResponse({ receipt, payment: captured })
  }
)
