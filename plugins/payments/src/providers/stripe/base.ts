import { createRequire } from "node:module"
import type {
  GetPaymentStatusInput,
  GetPaymentStatusOutput,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
} from "@medusajs/framework/types"
import StripeBase from "@medusajs/payment-stripe/dist/core/stripe-base"
import { nextStepOf, stripeClientConfig, type GwcStripeOptions } from "../../lib/stripe"

// The `stripe` package Medusa's Stripe provider itself depends on (same version, same API version).
const requireFromMedusaStripe = createRequire(require.resolve("@medusajs/payment-stripe"))

/**
 * Medusa's Stripe provider with two small additions, and otherwise untouched:
 * - the client may point at another Stripe API location (`apiHost`/`apiPort`/`apiProtocol`
 *   options, or STRIPE_API_HOST/PORT/PROTOCOL) — Medusa's base builds it from the API key alone;
 *   the tests use this for a local fake of Stripe's HTTP API;
 * - session data gains `next_step` (see lib/stripe `nextStepOf`): what the buyer has to do next
 *   (3-D Secure or Alipay redirect, WeChat Pay QR code), next to Stripe's own `next_action`.
 */
export abstract class GwcStripeBase extends StripeBase {
  protected constructor(cradle: Record<string, unknown>, options: GwcStripeOptions) {
    super(cradle, options)
    const config = stripeClientConfig(options)
    if (config) {
      const Stripe = requireFromMedusaStripe("stripe") as new (key: string, config: object) => unknown
      this.stripe_ = new Stripe(options.apiKey, config) as typeof this.stripe_
    }
  }

  protected get gwcOptions(): GwcStripeOptions {
    return this.options_ as GwcStripeOptions
  }

  override async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    return withNextStep(await super.initiatePayment(input))
  }

  override async getPaymentStatus(input: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    return withNextStep(await super.getPaymentStatus(input))
  }

  override async updatePayment(input: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    return withNextStep(await super.updatePayment(input))
  }
}

function withNextStep<T extends { data?: Record<string, unknown> }>(output: T): T {
  if (!output.data || typeof output.data !== "object") return output
  return { ...output, data: { ...output.data, next_step: nextStepOf(output.data) } }
}
