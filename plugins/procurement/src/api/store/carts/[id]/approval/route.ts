import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { publicApprovalRequest } from "../../../../../lib/approval-view"
import { cartApprovalState, customerCart } from "../../../../../lib/spending"

/**
 * GET /store/carts/:id/approval — whether the caller's cart needs approval before it can be
 * ordered (which limits it goes over), its total and its latest approval request.
 * `required` stays true while approved: it says the cart is above a limit; `request.status`
 * and `request.amount` say whether the approval covers it. 404 for someone else's cart.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const cart = await customerCart(req.scope, req.params.id, req.auth_context.actor_id)
  const state = await cartApprovalState(req.scope, cart)
  res.json({
    approval: {
      required: state.required,
      reasons: state.reasons,
      total: state.total,
      covered: state.covered,
      request: state.request ? publicApprovalRequest(state.request) : null,
    },
  })
}
