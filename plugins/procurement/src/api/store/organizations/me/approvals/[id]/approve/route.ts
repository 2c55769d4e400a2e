import { decisionRoute } from "../../../../../../../lib/decide-route"

/**
 * POST /store/organizations/me/approvals/:id/approve `{ comment? }` — an approver or admin
 * approves a pending request: the cart may then be ordered while its total is not above the
 * approved amount. 403 purchaser (or own request while the organisation has another approver
 * or admin), 404 another organisation's, 409 decided already. `{ approval_request }`.
 */
export const POST = decisionRoute("approve")
