import type { StripeOptions } from "@medusajs/payment-stripe/dist/types"

/**
 * Stripe through Medusa's Stripe provider (`@medusajs/payment-stripe`): ids, options and the
 * small helpers our thin subclasses add (src/providers/stripe). Registered in medusa-config as
 * `{ resolve: "@gongwucang/payments/providers/stripe", id: "stripe", options }` only when
 * STRIPE_API_KEY is set.
 */

export const STRIPE_PROVIDER_CONFIG_ID = "stripe"

/** Card (incl. 3-D Secure): Medusa's own identifier, so the id is the familiar `pp_stripe_stripe`. */
export const STRIPE_CARD_IDENTIFIER = "stripe"
/** 支付宝 Alipay through Stripe (payment method type `alipay`), named like Medusa's `stripe-blik`. */
export const STRIPE_ALIPAY_IDENTIFIER = "stripe-alipay"
/** 微信支付 WeChat Pay through Stripe (payment method type `wechat_pay`). */
export const STRIPE_WECHAT_PAY_IDENTIFIER = "stripe-wechatpay"

export const STRIPE_CARD_PROVIDER_ID = `pp_${STRIPE_CARD_IDENTIFIER}_${STRIPE_PROVIDER_CONFIG_ID}`
export const STRIPE_ALIPAY_PROVIDER_ID = `pp_${STRIPE_ALIPAY_IDENTIFIER}_${STRIPE_PROVIDER_CONFIG_ID}`
export const STRIPE_WECHAT_PAY_PROVIDER_ID = `pp_${STRIPE_WECHAT_PAY_IDENTIFIER}_${STRIPE_PROVIDER_CONFIG_ID}`

export const STRIPE_PROVIDER_IDS = [STRIPE_CARD_PROVIDER_ID, STRIPE_ALIPAY_PROVIDER_ID, STRIPE_WECHAT_PAY_PROVIDER_ID] as const

/** The Stripe provider ids without `pp_` (the `:provider` of `/hooks/payment/:provider`). */
export function isStripeWebhookProvider(provider: string): boolean {
  const id = provider.startsWith("pp_") ? provider : `pp_${provider}`
  return (STRIPE_PROVIDER_IDS as readonly string[]).includes(id)
}

/**
 * Medusa's Stripe options (`apiKey`, `webhookSecret`, `capture`, …) plus where the Stripe API is.
 * `apiHost`/`apiPort`/`apiProtocol` exist for a local stand-in of Stripe's HTTP API (the tests'
 * fake Stripe server); in production they stay unset and the client talks to api.stripe.com.
 */
export interface GwcStripeOptions extends StripeOptions {
  /** Card payments: capture at checkout (true) or authorise now and capture later (false, default). */
  capture?: boolean
  apiHost?: string
  apiPort?: number | string
  apiProtocol?: "http" | "https"
  /** Where Alipay sends the buyer back to when the session data gives no `return_url`. */
  returnUrl?: string
}

export interface StripeClientConfig {
  host?: string
  port?: number
  protocol?: "http" | "https"
  telemetry?: boolean
}

/** The stripe-node config for a non-default API location, or null for api.stripe.com. */
export function stripeClientConfig(
  options: Pick<GwcStripeOptions, "apiHost" | "apiPort" | "apiProtocol">,
  env: NodeJS.ProcessEnv = process.env
): StripeClientConfig | null {
  const host = (options.apiHost || env.STRIPE_API_HOST || "").trim()
  const portText = String(options.apiPort ?? env.STRIPE_API_PORT ?? "").trim()
  const protocolText = String(options.apiProtocol ?? env.STRIPE_API_PROTOCOL ?? "").trim()
  if (!host && !portText && !protocolText) return null
  const config: StripeClientConfig = { telemetry: false }
  if (host) config.host = host
  if (portText) {
    const port = Number(portText)
    if (!/^\d+$/.test(portText) || port < 1 || port > 65535) throw new Error(`Stripe API port must be 1–65535, got "${portText}".`)
    config.port = port
  }
  if (protocolText) {
    if (protocolText !== "http" && protocolText !== "https") throw new Error(`Stripe API protocol must be http or https, got "${protocolText}".`)
    config.protocol = protocolText
  }
  return config
}

/**
 * What the buyer has to do next, read from a PaymentIntent's `next_action`, in a shape a
 * storefront can show without knowing Stripe's variants:
 * - `redirect`: open `url` (3-D Secure page, Alipay's page); the buyer comes back to `return_url`;
 * - `qr_code`: show the QR code (`data` is what it encodes; `image_url_png`/`image_url_svg` are
 *   Stripe's rendered images) for WeChat Pay, to be scanned in WeChat;
 * - `stripe_sdk`: let Stripe.js handle it (`stripe.handleNextAction({ clientSecret })`).
 */
export type StripeNextStep =
  | { type: "redirect"; url: string; return_url: string | null; method: string }
  | {
      type: "qr_code"
      method: string
      data: string
      image_url_png: string | null
      image_url_svg: string | null
      hosted_instructions_url: string | null
      expires_at: number | null
    }
  | { type: "stripe_sdk"; method: string }

type Loose = Record<string, any>

export function nextStepOf(intent: unknown): StripeNextStep | null {
  if (!intent || typeof intent !== "object") return null
  const { status, next_action: action } = intent as Loose
  if (status !== "requires_action" || !action || typeof action !== "object") return null
  switch (action.type) {
    case "redirect_to_url":
      return typeof action.redirect_to_url?.url === "string"
        ? { type: "redirect", method: "card", url: action.redirect_to_url.url, return_url: action.redirect_to_url.return_url ?? null }
        : null
    case "alipay_handle_redirect":
      return typeof action.alipay_handle_redirect?.url === "string"
        ? {
            type: "redirect",
            method: "alipay",
            url: action.alipay_handle_redirect.url,
            return_url: action.alipay_handle_redirect.return_url ?? null,
          }
        : null
    case "wechat_pay_display_qr_code": {
      const qr = action.wechat_pay_display_qr_code ?? {}
      return typeof qr.data === "string"
        ? {
            type: "qr_code",
            method: "wechat_pay",
            data: qr.data,
            image_url_png: qr.image_url_png ?? null,
            image_url_svg: qr.image_url_svg ?? null,
            hosted_instructions_url: qr.hosted_instructions_url ?? null,
            expires_at: typeof qr.expires_at === "number" ? qr.expires_at : null,
          }
        : null
    }
    case "use_stripe_sdk":
      return { type: "stripe_sdk", method: "card" }
    default:
      return null
  }
}
