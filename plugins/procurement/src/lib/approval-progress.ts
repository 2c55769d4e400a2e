import type { OrderSnapshot, ProgressStepDefinition } from "@gongwucang/orders/progress"

/** What the procurement enricher adds to an order snapshot (`extensions.procurement_approval`). */
export interface OrderApprovalFacts {
  id: string
  status: string
  requested_at: string | null
  decided_at: string | null
  /** The approver's email. */
  decided_by: string | null
}

/** Approval may take this many days from the request (the orders plugin's deadline for "approved"). */
export const APPROVAL_DUE_DAYS = 2

export function orderApproval(order: OrderSnapshot): OrderApprovalFacts | null {
  return (order.extensions?.procurement_approval as OrderApprovalFacts | null | undefined) ?? null
}

/**
 * 审批通过, between 已下单 and 已付款, only for orders placed under an approval: done when the
 * approver approved, at that time and by them; due two days after the request.
 */
export const approvalProgressStep: ProgressStepDefinition = {
  key: "approved",
  label_zh: "审批通过",
  label_en: "Approved",
  applies: (order) => orderApproval(order) !== null,
  state: (order) => {
    const approval = orderApproval(order)
    const done = approval?.status === "approved" || approval?.status === "superseded"
    const due = approval?.requested_at ? new Date(Date.parse(approval.requested_at) + APPROVAL_DUE_DAYS * 24 * 60 * 60 * 1000).toISOString() : null
    return { done, at: done ? (approval?.decided_at ?? null) : null, by: approval?.decided_by ?? null, due_at: due }
  },
}
