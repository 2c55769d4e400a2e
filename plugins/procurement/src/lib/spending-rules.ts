/**
 * Spending limits and budgets (限额与预算) without a database: calendar periods in China time,
 * which limits a cart goes over, whether an approval covers it, and what the buyer is told.
 * tests/unit/procurement-approvals.test.ts covers them.
 *
 * Periods are calendar months, quarters and years in Asia/Shanghai time (UTC+8 all year: China
 * has had no daylight saving time since 1991), so an order at 2027-01-01 07:00 in China
 * (2026-12-31 23:00 UTC) counts for 2027.
 */
import type { LimitPeriod } from "./organization-rules"

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

export interface Period {
  /** First instant of the period (inclusive). */
  start: Date
  /** First instant after the period (exclusive). */
  end: Date
}

/** Midnight at the start of the given day of China time, as an instant. */
function shanghaiMidnight(year: number, monthIndex: number, day = 1): Date {
  return new Date(Date.UTC(year, monthIndex, day) - SHANGHAI_OFFSET_MS)
}

/** Year and month (0–11) of the instant on a wall clock in China. */
export function shanghaiYearMonth(now: Date): { year: number; month: number } {
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS)
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() }
}

/** The calendar month, quarter or year (China time) the instant falls in. */
export function periodBounds(period: LimitPeriod, now: Date): Period {
  const { year, month } = shanghaiYearMonth(now)
  if (period === "month") return { start: shanghaiMidnight(year, month), end: shanghaiMidnight(year, month + 1) }
  if (period === "quarter") {
    const first = month - (month % 3)
    return { start: shanghaiMidnight(year, first), end: shanghaiMidnight(year, first + 3) }
  }
  return yearBounds(year)
}

/** The calendar year (China time), e.g. a budget year. */
export function yearBounds(year: number): Period {
  return { start: shanghaiMidnight(year, 0), end: shanghaiMidnight(year + 1, 0) }
}

/** Sums yuan amounts in whole fen, so decimals do not add up to float dust. */
export function sumYuan(amounts: readonly number[]): number {
  return amounts.reduce((sum, value) => sum + Math.round(value * 100), 0) / 100
}

export const APPROVAL_REASONS = ["member_order_limit", "member_period_limit", "organization_budget"] as const
export type ApprovalReason = (typeof APPROVAL_REASONS)[number]

export interface SpendingPosition {
  limit_per_order: number | null
  limit_per_period: number | null
  /** What the member's orders in the current period came to (yuan). */
  spent_in_period: number
  /** The organisation's budget left this year; null when no budget applies this year. */
  remaining_budget: number | null
}

/**
 * Which limits an order of `total` yuan goes over: one order above the per-order limit, the
 * period's orders plus this one above the period limit, this one above what is left of the
 * organisation's budget. Empty: the order needs no approval. Exactly at a limit is within it.
 */
export function approvalReasons(total: number, position: SpendingPosition): ApprovalReason[] {
  const fen = (value: number) => Math.round(value * 100)
  const reasons: ApprovalReason[] = []
  if (position.limit_per_order !== null && fen(total) > fen(position.limit_per_order)) reasons.push("member_order_limit")
  if (position.limit_per_period !== null && fen(position.spent_in_period) + fen(total) > fen(position.limit_per_period)) {
    reasons.push("member_period_limit")
  }
  if (position.remaining_budget !== null && fen(total) > fen(position.remaining_budget)) reasons.push("organization_budget")
  return reasons
}

/** The budget counts only in its own year; another year's budget (past or future) sets no limit now. */
export function budgetApplies(budget: { annual_budget: number | null; budget_year: number | null }, now: Date): boolean {
  return budget.annual_budget !== null && budget.budget_year === shanghaiYearMonth(now).year
}

export const APPROVAL_STATUSES = ["pending", "approved", "rejected", "superseded"] as const
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number]

export interface ApprovalLike {
  status: ApprovalStatus
  amount: number
}

/** An approved request covers the cart while its total is not above the approved amount. */
export function approvalCovers(request: ApprovalLike | null | undefined, total: number): boolean {
  return !!request && request.status === "approved" && Math.round(total * 100) <= Math.round(request.amount * 100)
}

/**
 * Whether a new request may be made for a cart whose latest request is `latest`: only when the
 * cart needs approval, nothing is pending, and no approval covers it. After a rejection a new
 * request may be made (the buyer may have changed the cart or the reason); the rejected one stays.
 */
export function newRequestProblem(required: boolean, latest: ApprovalLike | null, total: number): "not_required" | "pending" | "covered" | null {
  if (!required) return "not_required"
  if (latest?.status === "pending") return "pending"
  if (approvalCovers(latest, total)) return "covered"
  return null
}

const yuan = (value: number) => `¥${value.toFixed(2)}`

export interface LimitFigures {
  total: number
  limit_per_order: number | null
  limit_per_period: number | null
  limit_period: LimitPeriod | null
  spent_in_period: number
  remaining_budget: number | null
}

const PERIOD_ZH: Record<LimitPeriod, string> = { month: "本月", quarter: "本季度", year: "本年度" }
const PERIOD_EN: Record<LimitPeriod, string> = { month: "this month", quarter: "this quarter", year: "this year" }

/** Names the limit in Chinese and English with the figures, for the 403 and the UI. */
export function describeReason(reason: ApprovalReason, figures: LimitFigures): { zh: string; en: string } {
  if (reason === "member_order_limit") {
    return {
      zh: `本单金额 ${yuan(figures.total)} 超过您的单笔限额 ${yuan(figures.limit_per_order ?? 0)}`,
      en: `the order total ${yuan(figures.total)} is above your per-order limit ${yuan(figures.limit_per_order ?? 0)}`,
    }
  }
  if (reason === "member_period_limit") {
    const period = figures.limit_period ?? "month"
    return {
      zh: `${PERIOD_ZH[period]}已用 ${yuan(figures.spent_in_period)}，加上本单超过您的周期限额 ${yuan(figures.limit_per_period ?? 0)}`,
      en: `${yuan(figures.spent_in_period)} spent ${PERIOD_EN[period]} plus this order is above your period limit ${yuan(figures.limit_per_period ?? 0)}`,
    }
  }
  return {
    zh: `本单金额超过单位年度预算余额 ${yuan(figures.remaining_budget ?? 0)}`,
    en: `the order total is above the organisation's remaining annual budget ${yuan(figures.remaining_budget ?? 0)}`,
  }
}

/** The 403 a cart gets at checkout when it needs approval it does not have. */
export function approvalRequiredMessage(reasons: readonly ApprovalReason[], figures: LimitFigures, latest: ApprovalLike | null): string {
  const described = reasons.map((reason) => describeReason(reason, figures))
  const state =
    latest?.status === "pending"
      ? { zh: "审批申请待处理", en: "the approval request is pending" }
      : latest?.status === "rejected"
        ? { zh: "审批申请已被驳回，可修改购物车后重新申请", en: "the approval request was rejected; change the cart and ask again" }
        : latest?.status === "approved"
          ? { zh: `已批准的金额 ${yuan(latest.amount)} 低于当前金额，请重新申请审批`, en: `the approved amount ${yuan(latest.amount)} is below the current total; ask for approval again` }
          : { zh: "请先提交审批申请", en: "ask for approval first" }
  return `需要审批：${described.map((d) => d.zh).join("；")}；${state.zh} / approval required: ${described.map((d) => d.en).join("; ")}; ${state.en}`
}
