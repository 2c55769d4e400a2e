import { pdfDownloadHeaders } from "@gongwucang/platform/pdf"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { receiptLanguage } from "../../../../../lib/receipt"
import { renderReceiptPdf } from "../../../../../lib/receipt-pdf"
import { getOrderReceiptWorkflow } from "../../../../../workflows/get-order-receipt"
import type { StoreOrderReceiptQueryType } from "./validators"

/** GET /store/orders/:id/receipt — the order receipt (订单收据) as a PDF download; ?lang=zh|en. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, StoreOrderReceiptQueryType>, res: MedusaResponse) => {
  const generatedAt = new Date()
  const { result: view } = await getOrderReceiptWorkflow(req.scope).run({
    input: {
      order_id: req.params.id,
      customer_id: req.auth_context.actor_id,
      lang: receiptLanguage(req.validatedQuery.lang),
      generated_at: generatedAt.toISOString(),
    },
  })
  const pdf = await renderReceiptPdf(view, generatedAt)
  res.set(pdfDownloadHeaders(view.filename, pdf)).status(200).send(pdf)
}
