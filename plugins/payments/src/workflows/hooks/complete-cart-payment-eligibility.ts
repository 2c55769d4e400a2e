import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { runCheckoutGuards, type CheckoutCart } from "@gongwucang/platform/checkout-guards"
import { closeLatestCartAttempt, closeCheckoutAttempt, openCheckoutAttempt, type CartForJournal } from "../../lib/checkout-journal"
import { armFailpoint, failpoint } from "../../lib/failpoint"
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
 * Medusa allows one handler per workflow hook: this plugin owns completeCartWorkflow's `validate`
 * and runs there, first, every checkout guard other plugins registered with
 * `@gongwucang/platform/checkout-guards` (e.g. procurement's spending limits and approvals).
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

completeCartWorkflow.hooks.validate(
  async ({ cart }, { container }) => {
    // Other plugins' guards first: a refused cart leaves no checkout journal entry behind.
    await runCheckoutGuards(cart as unknown as CheckoutCart, container)
    await checkOfflinePaymentEligibility(cart as unknown as CartForCompletion, container)
    // The checkout journal: written before the order exists, so a completion cut off by a crash
    // is found and finished or undone (workflows/repair-checkout-attempt.ts).
    const attemptId = await openCheckoutAttempt(container, cart as unknown as CartForJournal)
    armFailpoint(String((cart as { id?: unknown }).id), (cart as { metadata?: unknown }).metadata)
    await failpoint("checkout.after-attempt", String((cart as { id?: unknown }).id))
    return new StepResponse(undefined, attemptId)
  },
  // Medusa refused the order (stock, payment, …) and undid its work: the attempt failed.
  async (attemptId, { container }) => {
    if (attemptId) await closeCheckoutAttempt(container, attemptId, { status: "failed" })
  }
)

// Medusa declares these two hooks without typing them (its docs mark them @ignore); they run.
type HookHandler<T> = (input: T, context: { container: MedusaContainer }) => Promise<void>
const untypedHooks = completeCartWorkflow.hooks as unknown as {
  beforePaymentAuthorization(handler: HookHandler<{ input: { id: string } }>): void
  orderCreated(handler: HookHandler<{ order_id: string; cart_id: string }>): void
}

untypedHooks.beforePaymentAuthorization(async ({ input }) => {
  await failpoint("checkout.before-authorization", input.id)
})

// The order is placed and paid for: the attempt is done.
untypedHooks.orderCreated(async ({ order_id, cart_id }, { container }) => {
  await failpoint("checkout.before-close", cart_id)
  await closeLatestCartAttempt(container, cart_id, { status: "completed", order_id })
})
