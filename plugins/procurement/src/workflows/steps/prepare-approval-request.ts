import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { APPROVAL_MESSAGES, ORGANIZATION_MESSAGES } from "../../lib/messages"
import { memberView } from "../../lib/members-query"
import { cartApprovalState, customerCart, asApprovalLike } from "../../lib/spending"
import { newRequestProblem, type ApprovalReason } from "../../lib/spending-rules"

export interface PrepareApprovalRequestStepInput {
  cart_id: string
  customer_id: string
  note?: string | null
}

export interface PreparedApprovalRequest {
  request: {
    organization_id: string
    cart_id: string
    requested_by_member_id: string
    requested_by_customer_id: string
    requested_by_email: string | null
    amount: number
    currency_code: string
    reasons: ApprovalReason[]
    note: string | null
  }
  /** An earlier approval for a lower total that the new request replaces. */
  supersede_ids: string[]
}

/**
 * Reads the caller's cart (404 for anyone else's) and their limits, and decides whether a
 * request may be made: 409 when the cart needs no approval, has a pending request, or is
 * covered by an approval already. Read-only: nothing to undo.
 */
export const prepareApprovalRequestStep = createStep(
  "procurement-prepare-approval-request",
  async (input: PrepareApprovalRequestStepInput, { container }) => {
    const cart = await customerCart(container, input.cart_id, input.customer_id)
    if (cart.completed_at) throw new MedusaError(MedusaError.Types.CONFLICT, APPROVAL_MESSAGES.cart_completed)
    const state = await cartApprovalState(container, cart)
    if (!state.member) throw new MedusaError(MedusaError.Types.NOT_FOUND, ORGANIZATION_MESSAGES.not_a_member)
    const problem = newRequestProblem(state.required, asApprovalLike(state.request), cart.total)
    if (problem === "not_required") throw new MedusaError(MedusaError.Types.CONFLICT, APPROVAL_MESSAGES.not_required)
    if (problem === "pending") throw new MedusaError(MedusaError.Types.CONFLICT, APPROVAL_MESSAGES.pending_exists)
    if (problem === "covered") throw new MedusaError(MedusaError.Types.CONFLICT, APPROVAL_MESSAGES.covered)

    const view = await memberView(container, state.member.organization_id, state.member.id)
    const prepared: PreparedApprovalRequest = {
      request: {
        organization_id: state.member.organization_id,
        cart_id: cart.id,
        requested_by_member_id: state.member.id,
        requested_by_customer_id: input.customer_id,
        requested_by_email: view?.email ?? null,
        amount: cart.total,
        currency_code: cart.currency_code,
        reasons: state.reasons,
        note: input.note?.trim() || null,
      },
      supersede_ids: state.request?.status === "approved" ? [state.request.id] : [],
    }
    return new StepResponse(prepared)
  }
)
