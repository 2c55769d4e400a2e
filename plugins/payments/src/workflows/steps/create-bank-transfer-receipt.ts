import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYMENT_MESSAGES } from "../../lib/messages"
import { BANK_TRANSFER_MODULE } from "../../modules/bank-transfer"
import type BankTransferModuleService from "../../modules/bank-transfer/service"

export interface CreateBankTransferReceiptStepInput {
  payment_id: string
  payment_reference: string
  statement_line: string
  amount: number
  currency_code: string
  /** ISO date or date-time. */
  received_at: string
  payer_name: string | null
  note: string | null
  recorded_by: string | null
}

/**
 * Writes the receipt. Two operators marking the same payment (or the same statement line)
 * at once both pass validation; the unique indexes let one insert through and the other ends
 * here as a 409. Compensation deletes the receipt.
 */
export const createBankTransferReceiptStep = createStep(
  "create-bank-transfer-receipt",
  async (input: CreateBankTransferReceiptStepInput, { container }) => {
    const service = container.resolve<BankTransferModuleService>(BANK_TRANSFER_MODULE)
    try {
      const receipt = await service.createBankTransferReceipts({ ...input, received_at: new Date(input.received_at) })
      return new StepResponse(receipt, receipt.id)
    } catch (error) {
      const [forPayment] = await service.listBankTransferReceipts({ payment_id: input.payment_id }, { select: ["statement_line"] })
      if (forPayment) throw new MedusaError(MedusaError.Types.CONFLICT, PAYMENT_MESSAGES.transfer_already_received(forPayment.statement_line))
      const [forLine] = await service.listBankTransferReceipts({ statement_line: input.statement_line }, { select: ["payment_reference"] })
      if (forLine) {
        throw new MedusaError(MedusaError.Types.CONFLICT, PAYMENT_MESSAGES.transfer_statement_line_used(input.statement_line, forLine.payment_reference))
      }
      throw error
    }
  },
  async (receiptId, { container }) => {
    if (!receiptId) return
    await container.resolve<BankTransferModuleService>(BANK_TRANSFER_MODULE).deleteBankTransferReceipts(receiptId)
  }
)
