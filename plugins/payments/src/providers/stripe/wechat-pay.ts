import type { InitiatePaymentInput, InitiatePaymentOutput } from "@medusajs/framework/types"
import type { PaymentIntentOptions } from "@medusajs/payment-stripe/dist/types"
import { STRIPE_WECHAT_PAY_IDENTIFIER, type GwcStripeOptions } from "../../lib/stripe"
import { GwcStripeBase } from "./base"

/**
 * 微信支付 WeChat Pay through Stripe (`pp_stripe-wechatpay_stripe`, payment method type
 * `wechat_pay`, settles CNY), built like Medusa's Stripe variants for other local methods.
 *
 * Creating the session creates and confirms the PaymentIntent for the web client
 * (`payment_method_options.wechat_pay.client = "web"`), so the session data already holds the QR
 * code: `next_step = { type: "qr_code", data, image_url_png, image_url_svg, … }` (Stripe's
 * `next_action.wechat_pay_display_qr_code`). The buyer scans it in WeChat; the
 * `payment_intent.succeeded` webhook (or completing the cart afterwards) places the order with the
 * payment captured — WeChat Pay captures at once.
 */
export class StripeWechatPayProvider extends GwcStripeBase {
  static override identifier = STRIPE_WECHAT_PAY_IDENTIFIER

  constructor(cradle: Record<string, unknown>, options: GwcStripeOptions) {
    super(cradle, options)
  }

  get paymentIntentOptions() {
    return {
      payment_method_types: ["wechat_pay"],
      capture_method: "automatic" as const,
      // Medusa's type lists only OXXO's options; Stripe's API takes wechat_pay's here.
      payment_method_options: { wechat_pay: { client: "web" } } as PaymentIntentOptions["payment_method_options"],
    }
  }

  override async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    return super.initiatePayment({
      ...input,
      data: {
        ...(input.data ?? {}),
        payment_method_types: ["wechat_pay"],
        payment_method_data: { type: "wechat_pay" },
        payment_method_options: { wechat_pay: { client: "web" } },
        capture_method: "automatic",
        confirm: true,
      },
    })
  }
}
