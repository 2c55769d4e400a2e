import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { customerMayUse, paymentCollectionOwner } from "../../../lib/buyer"
import { isRestrictedProvider } from "../../../lib/eligibility"
import { PAYMENT_MESSAGES } from "../../../lib/messages"
import { signedInCustomerId } from "../buyer"

/**
 * Choosing an offline method (Medusa's POST /store/payment-collections/:id/payment-sessions) is
 * refused with a 403 unless the signed-in customer is the buyer of the cart (or order) and a
 * customer group of theirs allows the method. Other providers pass untouched; Medusa's own
 * validation answers malformed bodies.
 */
export async function guardOfflinePaymentSession(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const body = ((req as unknown as { validatedBody?: unknown }).validatedBody ?? req.body ?? {}) as { provider_id?: unknown }
    const providerId = body.provider_id
    if (typeof providerId !== "string" || !isRestrictedProvider(providerId)) return next()

    const customerId = signedInCustomerId(req)
    if (!customerId) throw new MedusaError(MedusaError.Types.FORBIDDEN, PAYMENT_MESSAGES.method_needs_sign_in(providerId))
    const owner = await paymentCollectionOwner(req.scope, req.params.id)
    // An unknown collection: Medusa's route answers it (404).
    if (!owner.found) return next()
    if (owner.customer_id !== customerId) throw new MedusaError(MedusaError.Types.FORBIDDEN, PAYMENT_MESSAGES.method_not_your_cart(providerId))
    if (!(await customerMayUse(req.scope, customerId, providerId))) {
      throw new MedusaError(MedusaError.Types.FORBIDDEN, PAYMENT_MESSAGES.method_not_allowed(providerId))
    }
    next()
  } catch (error) {
    next(error)
  }
}

export const storePaymentCollectionMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/store/payment-collections/:id/payment-sessions", middlewares: [guardOfflinePaymentSession] },
]
