import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { customerMayUse } from "../../lib/buyer"
import { isRestrictedProvider } from "../../lib/eligibility"
import { PAYMENT_MESSAGES } from "../../lib/messages"
import { asRecord } from "../../lib/payment-data"

export type CartForCompletion = {
  customer_id?: string | null
  payment_collection?: { payment_sessions?: ({ provider_id?: string; data?: unknown } | null)[] | null } | null
}

/**
 * Placing the order (POST /store/carts/:id/complete) with an offline method is refused with a
 * 403 — before the order is created or anything is authorised — unless the cart belongs to a
 * customer whose groups allow the method now and who chose it (the session records the customer
 * Medusa passed). This catches what the session route cannot see: a buyer removed from the group
 * after choosing, or a session chosen by someone other than the cart's buyer.
 *
 * Medusa allows one handler per workflow hook: this plugin owns completeCartWorkflow's `validate`.
 */
export async function checkOfflinePaymentEligibility(cart: CartForCompletion, container: MedusaContainer): Promise<void> {
  const { customer_id: customerId, payment_collection } = cart
  for (const session of payment_collection?.payment_sessions ?? []) {
    const providerId = session?.provider_id
    if (!providerId || !isRestrictedProvider(providerId)) continue
    if (!customerId) throw new MedusaError(MedusaError.Types.FORBIDDEN, PAYMENT_MESSAGES.method_needs_sign_in(providerId))
    if (asRecord(session.data).customer_id !== customerId) {
      throw new MedusaError(MedusaError.Types.FORBIDDEN, PAYMENT_MESSAGES.method_chosen_by_other(providerId))
    }
    if (!(await customerMayUse(container, customerId, providerId))) {
      throw new MedusaError(MedusaError.Types.FORBIDDEN, PAYMENT_MESSAGES.method_not_allowed(providerId))
    }
  }
}

completeCartWorkflow.hooks.validate(async ({ cart }, { container }) => {
  await checkOfflinePaymentEligibility(cart as unknown as CartForCompletion, container)
})
