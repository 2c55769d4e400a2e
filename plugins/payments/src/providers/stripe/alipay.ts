import type { InitiatePaymentInput, InitiatePaymentOutput } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { STRIPE_ALIPAY_IDENTIFIER, type GwcStripeOptions } from "../../lib/stripe"
import { GwcStripeBase } from "./base"

/**
 * 支付宝 Alipay through Stripe (`pp_stripe-alipay_stripe`, payment method type `alipay`, settles
 * CNY), built like Medusa's Stripe variants for other local methods (stripe-blik, …).
 *
 * Creating the session creates and confirms the PaymentIntent, so the session data already holds
 * Alipay's page: `next_step = { type: "redirect", url, return_url }` (Stripe's
 * `next_action.alipay_handle_redirect`). The storefront sends the buyer there; Alipay sends them
 * back to `return_url` (session `data.return_url`, else the provider's `returnUrl` option).
 * Alipay captures at once (Stripe has no separate capture for it): the `payment_intent.succeeded`
 * webhook, or the buyer completing the cart on return, places the order with the payment captured.
 */
export class StripeAlipayProvider extends GwcStripeBase {
  static override identifier = STRIPE_ALIPAY_IDENTIFIER

  constructor(cradle: Record<string, unknown>, options: GwcStripeOptions) {
    super(cradle, options)
  }

  get paymentIntentOptions() {
    return { payment_method_types: ["alipay"], capture_method: "automatic" as const }
  }

  override async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    const data = input.data ?? {}
    const returnUrl = typeof data.return_url === "string" && data.return_url ? data.return_url : this.gwcOptions.returnUrl
    if (!returnUrl) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "支付宝支付需要返回地址 data.return_url / Alipay needs data.return_url: where Alipay sends the buyer back to"
      )
    }
    return super.initiatePayment({
      ...input,
      data: {
        ...data,
        payment_method_types: ["alipay"],
        payment_method_data: { type: "alipay" },
        capture_method: "automatic",
        confirm: true,
        return_url: returnUrl,
      },
    })
  }
}
