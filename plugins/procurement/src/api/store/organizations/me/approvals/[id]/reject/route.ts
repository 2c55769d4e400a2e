import { decisionRoute } from "../../../../../../../lib/decide-route"

/**
 * POST /store/organizations/me/approvals/:id/reject `{ comment }` — an approver or admin rejects
 * a pending request, saying why: the cart stays blocked (the buyer may change it and ask again).
 * Same refusals as approve. `{ approval_request }`.
 */
export const POST = decisionRoute("reject")
