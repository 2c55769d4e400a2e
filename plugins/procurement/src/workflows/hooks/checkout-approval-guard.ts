import { registerCheckoutGuard, type CheckoutCart } from "@gongwucang/platform/checkout-guards"
import { MedusaError } from "@medusajs/framework/utils"
import { amount } from "../../lib/organization-view"
import { asApprovalLike, cartApprovalState } from "../../lib/spending"
import { approvalRequiredMessage } from "../../lib/spending-rules"

/**
 * Spending limits and budgets at checkout: a member's cart above their per-order or period
 * limit, or above what is left of the organisation's budget this year, is refused with a 403
 * naming the limit — unless an approver approved a request for this cart at its current total
 * or more. Runs in completeCartWorkflow's `validate` hook (owned by @gongwucang/payments, which
 * calls every registered checkout guard), before the order or any payment exists.
 */
export async function procurementApprovalGuard(cart: CheckoutCart, container: Parameters<Parameters<typeof registerCheckoutGuard>[1]>[1]) {
  const customerId = cart.customer_id ?? (cart.customer as { id?: string } | null | undefined)?.id ?? null
  if (!customerId) return
  const total = amount(cart.total as number) ?? 0
  const state = await cartApprovalState(container, { id: cart.id, customer_id: customerId, total })
  if (state.covered) return
  throw new MedusaError(MedusaError.Types.FORBIDDEN, approvalRequiredMessage(state.reasons, state.figures, asApprovalLike(state.request)))
}

registerCheckoutGuard("procurement-approval", procurementApprovalGuard)
