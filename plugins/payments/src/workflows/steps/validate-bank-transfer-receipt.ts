import type { IPaymentModuleService, PaymentDTO } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYMENT_MESSAGES } from "../../lib/messages"
import { toFen } from "../../lib/money"
import { asRecord } from "../../lib/payment-data"
import { BANK_TRANSFER_PROVIDER_ID } from "../../lib/providers"
import { BANK_TRANSFER_MODULE } from "../../modules/bank-transfer"
import type BankTransferModuleService from "../../modules/bank-transfer/service"

export interface ValidateBankTransferReceiptStepInput {
  payment_id: string
  statement_line: string
  /** Yuan. */
  amount: number
  /** ISO date or date-time. */
  received_at: string
  /** The reference the statement line quotes, when the operator gave it. */
  reference?: string | null
}

export interface ValidatedBankTransfer {
  payment_id: string
  reference: string
  /** Yuan, as Medusa stores the payment. */
  amount: number
  currency_code: string
  /** The payment's data before the receipt is recorded (restored if a later step fails). */
  data: Record<string, unknown>
}

/** Dates on statements are days; "today" in China can still be tomorrow in UTC. */
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000

/**
 * Checks that the money on this statement line can pay this payment: a bank transfer (else 400),
 * not cancelled, received or captured already (else 409), quoting this payment's reference when
 * a reference is given, in CNY and for exactly the amount due (else 400), on a statement line
 * not matched to another payment (else 409). Read-only.
 */
export const validateBankTransferReceiptStep = createStep(
  "validate-bank-transfer-receipt",
  async (input: ValidateBankTransferReceiptStepInput, { container }) => {
    const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
    const receipts = container.resolve<BankTransferModuleService>(BANK_TRANSFER_MODULE)

    const [payment] = (await payments.listPayments(
      { id: input.payment_id },
      { select: ["id", "amount", "currency_code", "provider_id", "data", "captured_at", "canceled_at"], relations: ["captures"] }
    )) as (PaymentDTO & { data?: Record<string, unknown> | null })[]
    if (!payment) throw new MedusaError(MedusaError.Types.NOT_FOUND, PAYMENT_MESSAGES.payment_not_found(input.payment_id))

    if (payment.provider_id !== BANK_TRANSFER_PROVIDER_ID) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, PAYMENT_MESSAGES.transfer_not_this_provider(payment.provider_id))
    }
    if (payment.canceled_at) throw new MedusaError(MedusaError.Types.CONFLICT, PAYMENT_MESSAGES.transfer_canceled)

    const [existing] = await receipts.listBankTransferReceipts({ payment_id: payment.id }, { select: ["id", "statement_line"] })
    if (existing) throw new MedusaError(MedusaError.Types.CONFLICT, PAYMENT_MESSAGES.transfer_already_received(existing.statement_line))
    if (payment.captured_at || (payment.captures ?? []).length) {
      throw new MedusaError(MedusaError.Types.CONFLICT, PAYMENT_MESSAGES.transfer_already_captured)
    }

    const data = asRecord(payment.data)
    const reference = typeof data.reference === "string" ? data.reference : ""
    if (input.reference && input.reference !== reference) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, PAYMENT_MESSAGES.transfer_reference_mismatch(input.reference, reference || "—"))
    }

    const currency = payment.currency_code.toLowerCase()
    if (currency !== "cny") throw new MedusaError(MedusaError.Types.INVALID_DATA, PAYMENT_MESSAGES.transfer_cny_only(currency))
    const due = toFen(payment.amount)
    const received = toFen(input.amount)
    if (due !== received) throw new MedusaError(MedusaError.Types.INVALID_DATA, PAYMENT_MESSAGES.transfer_amount_mismatch(received, due))

    const receivedAt = new Date(input.received_at).getTime()
    if (Number.isNaN(receivedAt) || receivedAt > Date.now() + FUTURE_TOLERANCE_MS) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, PAYMENT_MESSAGES.transfer_received_in_future)
    }

    const [usedLine] = await receipts.listBankTransferReceipts(
      { statement_line: input.statement_line },
      { select: ["id", "payment_reference"] }
    )
    if (usedLine) {
      throw new MedusaError(MedusaError.Types.CONFLICT, PAYMENT_MESSAGES.transfer_statement_line_used(input.statement_line, usedLine.payment_reference))
    }

    const validated: ValidatedBankTransfer = {
      payment_id: payment.id,
      reference,
      amount: Number(payment.amount),
      currency_code: currency,
      data,
    }
    return new StepResponse(validated)
  }
)
