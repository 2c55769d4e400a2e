import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { StripeAlipayProvider } from "./alipay"
import { StripeCardProvider } from "./card"
import { StripeWechatPayProvider } from "./wechat-pay"

/**
 * Stripe payment providers, each a thin subclass of Medusa's Stripe base
 * (`@medusajs/payment-stripe`), registered in medusa-config under the Payment Module as
 * `{ resolve: "@gongwucang/payments/providers/stripe", id: "stripe", options }` when
 * STRIPE_API_KEY is set: `pp_stripe_stripe` (card, 3-D Secure), `pp_stripe-alipay_stripe` (支付宝)
 * and `pp_stripe-wechatpay_stripe` (微信支付). They share the options object.
 */
export default ModuleProvider(Modules.PAYMENT, {
  services: [StripeCardProvider, StripeAlipayProvider, StripeWechatPayProvider],
})
