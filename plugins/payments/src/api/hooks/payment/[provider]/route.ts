import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { IPaymentModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { POST as medusaPaymentWebhook } from "@medusajs/medusa/api/hooks/payment/[provider]/route"
import { isStripeWebhookProvider } from "../../../../lib/stripe"

/**
 * Medusa's payment webhook endpoint (POST /hooks/payment/:provider), with one addition for our
 * Stripe providers: the `Stripe-Signature` is checked before the request is accepted. Medusa's
 * route answers 200 at once and verifies later in a subscriber, so a forged or wrongly signed
 * delivery would look accepted to Stripe; here it gets a 400 (Stripe shows it as failed and
 * retries) and is never queued. A verified delivery goes on to Medusa's route unchanged (queued,
 * verified again and processed by `processPaymentWorkflow`). Other providers: Medusa's route only.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const provider = String(req.params.provider ?? "")
  if (isStripeWebhookProvider(provider)) {
    try {
      const payments = req.scope.resolve<IPaymentModuleService>(Modules.PAYMENT)
      await payments.getWebhookActionAndData({
        provider,
        payload: { data: req.body as Record<string, unknown>, rawData: req.rawBody as Buffer, headers: req.headers as Record<string, unknown> },
      })
    } catch (error) {
      res.status(400).send(`Webhook Error: ${(error as Error).message}`)
      return
    }
  }
  return medusaPaymentWebhook(req, res)
}
