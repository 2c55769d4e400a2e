import type { ApprovalRequestRecord } from "./spending"
import { amount } from "./organization-view"

const iso = (value: Date | string | null | undefined) => (value ? new Date(value).toISOString() : null)

/** What the API answers for an approval request (contract: docs of issue 6, "Approvals"). */
export function publicApprovalRequest(request: ApprovalRequestRecord) {
  return {
    id: request.id,
    organization_id: request.organization_id,
    cart_id: request.cart_id,
    order_id: request.order_id ?? null,
    requested_by: {
      member_id: request.requested_by_member_id,
      customer_id: request.requested_by_customer_id,
      email: request.requested_by_email ?? null,
    },
    amount: amount(request.amount as Parameters<typeof amount>[0]) ?? 0,
    currency_code: request.currency_code,
    reasons: Array.isArray(request.reasons) ? (request.reasons as string[]) : [],
    note: request.note ?? null,
    status: request.status,
    decided_by: request.decided_by_member_id ? { member_id: request.decided_by_member_id, email: request.decided_by_email ?? null } : null,
    decided_at: iso(request.decided_at),
    comment: request.comment ?? null,
    created_at: iso(request.created_at),
  }
}
export type PublicApprovalRequest = ReturnType<typeof publicApprovalRequest>

/** What an approval request's audit entries (审计日志) show before/after a change. */
export const APPROVAL_AUDIT_FIELDS = [
  "id",
  "cart_id",
  "order_id",
  "amount",
  "currency_code",
  "reasons",
  "note",
  "status",
  "requested_by_member_id",
  "decided_by_member_id",
  "decided_at",
  "comment",
] as const
