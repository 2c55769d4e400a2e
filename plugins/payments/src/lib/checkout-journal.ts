import type { MedusaContainer } from "@medusajs/framework/types"
import { CHECKOUT_JOURNAL_MODULE } from "../modules/checkout-journal"
import type CheckoutJournalModuleService from "../modules/checkout-journal/service"

export type CheckoutAttemptStatus = "pending" | "completed" | "failed" | "repaired" | "canceled" | "rolled_back" | "abandoned"

/** What the completion's validate hook sees of the cart. */
export interface CartForJournal {
  id: string
  completed_at?: Date | string | null
  customer_id?: string | null
  email?: string | null
  payment_collection?: { payment_sessions?: ({ id?: string; provider_id?: string; status?: string } | null)[] | null } | null
}

const journal = (container: MedusaContainer) => container.resolve<CheckoutJournalModuleService>(CHECKOUT_JOURNAL_MODULE)

/**
 * Records that the cart's completion started, unless the cart is completed already (a retry that
 * Medusa answers with the existing order). Returns the attempt's id.
 */
export async function openCheckoutAttempt(container: MedusaContainer, cart: CartForJournal): Promise<string | null> {
  if (cart.completed_at) return null
  const session = (cart.payment_collection?.payment_sessions ?? []).find((s) => s?.id)
  const attempt = await journal(container).createCheckoutAttempts({
    cart_id: cart.id,
    customer_id: cart.customer_id ?? null,
    email: cart.email ?? null,
    payment_session_id: session?.id ?? null,
    provider_id: session?.provider_id ?? null,
    status: "pending",
    started_at: new Date(),
  })
  return attempt.id
}

export async function closeCheckoutAttempt(
  container: MedusaContainer,
  attemptId: string,
  outcome: { status: Exclude<CheckoutAttemptStatus, "pending">; order_id?: string | null; note?: string | null }
): Promise<void> {
  await journal(container).updateCheckoutAttempts({
    id: attemptId,
    status: outcome.status,
    order_id: outcome.order_id ?? null,
    note: outcome.note ?? null,
    resolved_at: new Date(),
  })
}

/**
 * Closes the attempt of the completion that just placed the order: the cart's newest pending one
 * (Medusa holds a lock on the cart from before the validate hook to the end, so no other
 * completion of this cart ran in between). Older pending ones were cut off and stay for the
 * repair, which removes any order they left.
 */
export async function closeLatestCartAttempt(
  container: MedusaContainer,
  cartId: string,
  outcome: { status: Exclude<CheckoutAttemptStatus, "pending">; order_id?: string | null }
): Promise<void> {
  const [latest] = await journal(container).listCheckoutAttempts(
    { cart_id: cartId, status: "pending" },
    { select: ["id"], order: { started_at: "DESC" }, take: 1 }
  )
  if (latest) await closeCheckoutAttempt(container, latest.id, outcome)
}
