import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { IPaymentModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { markBankTransferReceivedWorkflow } from "../../../../../../workflows/mark-bank-transfer-received"
import { withConflictMessage } from "@gongwucang/platform/http"
import type { AdminMarkBankTransferReceivedType } from "../../../validators"

/**
 * POST /admin/payments/:id/bank-transfer/received — the operator matched a bank statement line
 * to this bank transfer: records the receipt and captures the payment. 400 for another
 * provider's payment or a wrong amount, 409 when received/captured already or the statement
 * line is matched to another payment; answers `{ payment, receipt }`.
 */
export const POST = withConflictMessage(
  async (req: AuthenticatedMedusaRequest<AdminMarkBankTransferReceivedType>, res: MedusaResponse) => {
    const body = req.validatedBody
    const { result } = await markBankTransferReceivedWorkflow(req.scope).run({
      input: {
        payment_id: req.params.id,
        statement_line: body.statement_line,
        amount: body.amount,
        received_at: body.received_at,
        reference: body.reference ?? null,
        payer_name: body.payer_name || null,
        note: body.note || null,
        recorded_by: req.auth_context.actor_id,
      },
    })
    const payment = await req.scope
      .resolve<IPaymentModuleService>(Modules.PAYMENT)
      .retrievePayment(req.params.id, { relations: ["captures", "refunds"] })
    res.json({ payment, receipt: result.receipt })
  }
)
