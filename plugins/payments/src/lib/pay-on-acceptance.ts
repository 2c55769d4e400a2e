import { asRecord } from "./payment-data"

/** N when GWC_PAY_ON_ACCEPTANCE_DAYS is not set. */
export const DEFAULT_PAY_ON_ACCEPTANCE_DAYS = 30

const DAY_MS = 24 * 60 * 60 * 1000

export interface PaymentForTerms {
  id: string
  provider_id: string
  data?: Record<string, unknown> | null
  captured_at?: Date | string | null
  canceled_at?: Date | string | null
}

/** The term recorded on the payment at checkout (N days), or the default for older data. */
export function termDays(data: Record<string, unknown>): number {
  const days = data.payment_terms_days
  return typeof days === "number" && Number.isInteger(days) && days > 0 ? days : DEFAULT_PAY_ON_ACCEPTANCE_DAYS
}

/** The payment's data once its order is accepted: accepted_at and due_at = acceptance + N days. */
export function dataOnAcceptance(
  data: Record<string, unknown>,
  acceptance: { accepted_at: Date; acceptance_id: string | null }
): Record<string, unknown> {
  return {
    ...data,
    accepted_at: acceptance.accepted_at.toISOString(),
    acceptance_id: acceptance.acceptance_id,
    due_at: new Date(acceptance.accepted_at.getTime() + termDays(data) * DAY_MS).toISOString(),
  }
}

/** Not captured or cancelled, accepted, past its due date and not flagged yet. */
export function isNewlyOverdue(payment: PaymentForTerms, now: Date): boolean {
  if (payment.captured_at || payment.canceled_at) return false
  const data = asRecord(payment.data)
  if (data.overdue === true || data.status === "captured" || data.status === "canceled") return false
  const due = typeof data.due_at === "string" ? Date.parse(data.due_at) : NaN
  return Number.isFinite(due) && due < now.getTime()
}
