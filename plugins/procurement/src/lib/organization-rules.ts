/**
 * The rules of buyer organisations (采购单位) that need no database: kinds of organisation,
 * member roles, spending limits, budgets and invitation states. Workflows and validators call
 * these; tests/unit/procurement-rules.test.ts covers them.
 */

/** 机关单位, 事业单位, 国有企业, 社会团体, 企业, 个人. */
export const ORGANIZATION_TYPES = [
  "government_unit",
  "public_institution",
  "state_owned_enterprise",
  "association",
  "company",
  "individual",
] as const
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number]

export const ORGANIZATION_STATUSES = ["active", "suspended"] as const
export type OrganizationStatus = (typeof ORGANIZATION_STATUSES)[number]

/** 采购人 places orders, 审批人 approves them, 管理员 manages members, limits and invitations. */
export const MEMBER_ROLES = ["purchaser", "approver", "admin"] as const
export type MemberRole = (typeof MEMBER_ROLES)[number]

export const LIMIT_PERIODS = ["month", "quarter", "year"] as const
export type LimitPeriod = (typeof LIMIT_PERIODS)[number]

/** Every kind but a private person has a unified social credit code. */
export function requiresCreditCode(type: OrganizationType): boolean {
  return type !== "individual"
}

/** ¥1,000,000,000,000.00: above any real budget, below where fen stop being exact in a double. */
export const MAX_CNY = 1_000_000_000_000

/** Yuan above zero with at most two decimals (fen), no larger than MAX_CNY. */
export function isCnyAmount(value: number): boolean {
  if (!Number.isFinite(value) || value <= 0 || value > MAX_CNY) return false
  return Math.abs(value * 100 - Math.round(value * 100)) < 1e-6
}

export const MIN_BUDGET_YEAR = 2000
export const MAX_BUDGET_YEAR = 2100

export interface SpendingLimits {
  /** Most one order may cost, in yuan; null = no limit. */
  limit_per_order: number | null
  /** Most the member may spend in one period, in yuan; null = no limit. */
  limit_per_period: number | null
  /** The period limit_per_period counts over; set exactly when limit_per_period is. */
  limit_period: LimitPeriod | null
}

/** A change to some limits: a missing key keeps the value, null removes the limit. */
export type SpendingLimitsPatch = Partial<SpendingLimits>

export type RuleResult<T> = { ok: true; value: T } | { ok: false; field: string; message: string }

/**
 * The member's limits after a change, checked as a whole: a period limit needs its period
 * (and removing the limit removes the period), and one order cannot be allowed more than the
 * whole period.
 */
export function mergeSpendingLimits(current: SpendingLimits, patch: SpendingLimitsPatch): RuleResult<SpendingLimits> {
  const next: SpendingLimits = {
    limit_per_order: patch.limit_per_order !== undefined ? patch.limit_per_order : current.limit_per_order,
    limit_per_period: patch.limit_per_period !== undefined ? patch.limit_per_period : current.limit_per_period,
    limit_period: patch.limit_period !== undefined ? patch.limit_period : current.limit_period,
  }
  // Removing the period limit without naming the period clears the period with it.
  if (patch.limit_per_period === null && patch.limit_period === undefined) next.limit_period = null

  for (const field of ["limit_per_order", "limit_per_period"] as const) {
    const amount = next[field]
    if (amount !== null && !isCnyAmount(amount)) {
      return { ok: false, field, message: "限额须为大于 0、最多两位小数的人民币金额 / a limit is an amount in CNY above 0 with at most two decimals" }
    }
  }
  if (next.limit_per_period !== null && next.limit_period === null) {
    return { ok: false, field: "limit_period", message: "设置周期限额时须选择周期（month、quarter、year） / a period limit needs its period: month, quarter or year" }
  }
  if (next.limit_per_period === null && next.limit_period !== null) {
    return { ok: false, field: "limit_per_period", message: "选择了周期但没有周期限额 / a period was given without a period limit" }
  }
  if (next.limit_per_order !== null && next.limit_per_period !== null && next.limit_per_order > next.limit_per_period) {
    return { ok: false, field: "limit_per_order", message: "单笔限额不能高于周期限额 / the per-order limit cannot exceed the period limit" }
  }
  return { ok: true, value: next }
}

export interface AnnualBudget {
  annual_budget: number | null
  budget_year: number | null
}

/** A budget (yuan) always says which year it is for, and a year needs a budget. */
export function checkAnnualBudget(budget: AnnualBudget): RuleResult<AnnualBudget> {
  const { annual_budget, budget_year } = budget
  if (annual_budget === null && budget_year === null) return { ok: true, value: budget }
  if (annual_budget === null) return { ok: false, field: "annual_budget", message: "填写了预算年度但没有年度预算 / a budget year was given without an annual budget" }
  if (!isCnyAmount(annual_budget)) {
    return { ok: false, field: "annual_budget", message: "年度预算须为大于 0、最多两位小数的人民币金额 / the annual budget is an amount in CNY above 0 with at most two decimals" }
  }
  if (budget_year === null) return { ok: false, field: "budget_year", message: "请填写预算年度 / the annual budget needs its year (budget_year)" }
  if (!Number.isInteger(budget_year) || budget_year < MIN_BUDGET_YEAR || budget_year > MAX_BUDGET_YEAR) {
    return { ok: false, field: "budget_year", message: `预算年度须为 ${MIN_BUDGET_YEAR}–${MAX_BUDGET_YEAR} 之间的年份 / budget_year is a year from ${MIN_BUDGET_YEAR} to ${MAX_BUDGET_YEAR}` }
  }
  return { ok: true, value: budget }
}

/**
 * An organisation always keeps an admin: the last admin cannot step down (another admin must be
 * named first). `admins` are the ids of the current admins.
 */
export function leavesNoAdmin(admins: readonly string[], memberId: string, nextRole: MemberRole): boolean {
  return nextRole !== "admin" && admins.length === 1 && admins[0] === memberId
}

export const INVITATION_DAYS = 7
export const INVITATION_TTL_MS = INVITATION_DAYS * 24 * 60 * 60 * 1000

export type InvitationStatus = "pending" | "accepted" | "expired"

export function invitationStatus(invitation: { expires_at: Date | string; accepted_at?: Date | string | null }, now = new Date()): InvitationStatus {
  if (invitation.accepted_at) return "accepted"
  return new Date(invitation.expires_at).getTime() <= now.getTime() ? "expired" : "pending"
}

/** Emails compare without case or surrounding spaces (Medusa stores customers' as typed). */
export function sameEmail(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase()
}

/** A LIKE pattern matching exactly `text` (`%`, `_` and `\` escaped), for case-insensitive equality with $ilike. */
export function exactLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`)
}
