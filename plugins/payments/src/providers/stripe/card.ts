import { STRIPE_CARD_IDENTIFIER, type GwcStripeOptions } from "../../lib/stripe"
import { GwcStripeBase } from "./base"

/**
 * Card payments (`pp_stripe_stripe`), 3-D Secure included: Medusa's StripeProviderService with
 * our client. Stripe.js confirms the PaymentIntent in the browser with `client_secret`; when the
 * bank asks for 3-D Secure the intent is `requires_action` (session `requires_more`, `next_step`)
 * and completing the cart is refused until the buyer has passed it.
 * Capture follows the `capture` option (see medusa-config: authorise now, capture later).
 */
export class StripeCardProvider extends GwcStripeBase {
  static override identifier = STRIPE_CARD_IDENTIFIER

  constructor(cradle: Record<string, unknown>, options: GwcStripeOptions) {
    super(cradle, options)
  }

  get paymentIntentOptions() {
    return {}
  }
}
