import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { approvals } from "./approval-service"
import { APPROVAL_MESSAGES } from "./messages"
import { organizations } from "./organization-service"
import type { LimitPeriod, MemberRole } from "./organization-rules"
import { amount } from "./organization-view"
import {
  approvalCovers,
  approvalReasons,
  budgetApplies,
  periodBounds,
  shanghaiYearMonth,
  sumYuan,
  yearBounds,
  type ApprovalLike,
  type ApprovalReason,
  type ApprovalStatus,
  type LimitFigures,
} from "./spending-rules"

/**
 * What a member and their organisation have spent, read from Medusa's orders through Query:
 * orders not cancelled (and not drafts) of the member's customer in the current period, and of
 * every member's customer in the budget year. Orders count from the moment they are placed.
 */

export interface MemberForSpending {
  id: string
  customer_id: string
  role: MemberRole
  organization_id: string
  limit_per_order?: unknown
  limit_per_period?: unknown
  limit_period?: LimitPeriod | null
}

export interface OrganizationForSpending {
  id: string
  annual_budget?: unknown
  budget_year?: number | null
}

export interface SpendingView {
  member: {
    limit_per_order: number | null
    limit_per_period: number | null
    limit_period: LimitPeriod | null
    period_start: string | null
    period_end: string | null
    spent_in_period: number
  }
  organization: {
    annual_budget: number | null
    budget_year: number | null
    spent_in_year: number
    remaining_budget: number | null
  }
}

const toAmount = (value: unknown) => amount(value as Parameters<typeof amount>[0])

/** Sum of the totals of the given customers' orders placed in [from, to), cancelled ones aside. */
export async function ordersTotal(container: MedusaContainer, customerIds: string[], from: Date, to: Date): Promise<number> {
  if (!customerIds.length) return 0
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "total", "status"],
    filters: {
      customer_id: customerIds,
      created_at: { $gte: from, $lt: to },
      status: { $ne: "canceled" },
      is_draft_order: false,
    } as Record<string, unknown>,
  })
  return sumYuan((data as { total?: unknown }[]).map((order) => toAmount(order.total) ?? 0))
}

async function memberCustomerIds(container: MedusaContainer, organizationId: string): Promise<string[]> {
  const members = await organizations(container).listOrganizationMembers({ organization_id: organizationId }, { select: ["customer_id"] })
  return members.map((member) => member.customer_id)
}

/** The member's limits and spending this period, and the organisation's budget and spending this year. */
export async function spendingOf(
  container: MedusaContainer,
  member: MemberForSpending,
  organization: OrganizationForSpending,
  now = new Date()
): Promise<SpendingView> {
  const limitPerOrder = toAmount(member.limit_per_order)
  const limitPerPeriod = toAmount(member.limit_per_period)
  const limitPeriod = member.limit_period ?? null
  const period = limitPeriod ? periodBounds(limitPeriod, now) : null
  const spentInPeriod = period ? await ordersTotal(container, [member.customer_id], period.start, period.end) : 0

  const budget = { annual_budget: toAmount(organization.annual_budget), budget_year: organization.budget_year ?? null }
  const year = budget.budget_year ?? shanghaiYearMonth(now).year
  const bounds = yearBounds(year)
  const spentInYear = await ordersTotal(container, await memberCustomerIds(container, organization.id), bounds.start, bounds.end)
  const remaining = budgetApplies(budget, now) ? Math.max(0, sumYuan([budget.annual_budget!, -spentInYear])) : null

  return {
    member: {
      limit_per_order: limitPerOrder,
      limit_per_period: limitPerPeriod,
      limit_period: limitPeriod,
      period_start: period?.start.toISOString() ?? null,
      period_end: period?.end.toISOString() ?? null,
      spent_in_period: spentInPeriod,
    },
    organization: {
      annual_budget: budget.annual_budget,
      budget_year: budget.budget_year,
      spent_in_year: spentInYear,
      remaining_budget: remaining,
    },
  }
}

export interface CartForApproval {
  id: string
  customer_id: string | null
  total: number
  currency_code: string
  completed_at: string | null
}

/** Fields that make Medusa compute the cart's total as checkout does. */
const CART_FIELDS = [
  "id",
  "customer_id",
  "currency_code",
  "completed_at",
  "total",
  "items.*",
  "items.tax_lines.*",
  "items.adjustments.*",
  "shipping_methods.*",
  "shipping_methods.tax_lines.*",
  "shipping_methods.adjustments.*",
  "credit_lines.*",
]

/** The customer's own cart with its total, or a 404 (also for someone else's cart). */
export async function customerCart(container: MedusaContainer, cartId: string, customerId: string): Promise<CartForApproval> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "cart", fields: CART_FIELDS, filters: { id: cartId } })
  const cart = data[0] as { id: string; customer_id?: string | null; total?: unknown; currency_code: string; completed_at?: Date | string | null } | undefined
  if (!cart || cart.customer_id !== customerId) throw new MedusaError(MedusaError.Types.NOT_FOUND, APPROVAL_MESSAGES.cart_not_found(cartId))
  return {
    id: cart.id,
    customer_id: cart.customer_id ?? null,
    total: toAmount(cart.total) ?? 0,
    currency_code: cart.currency_code,
    completed_at: cart.completed_at ? new Date(cart.completed_at).toISOString() : null,
  }
}

export interface ApprovalRequestRecord {
  id: string
  organization_id: string
  cart_id: string
  order_id: string | null
  requested_by_member_id: string
  requested_by_customer_id: string
  requested_by_email: string | null
  amount: unknown
  currency_code: string
  reasons: unknown
  note: string | null
  status: ApprovalStatus
  decided_by_member_id: string | null
  decided_by_email: string | null
  decided_at: Date | string | null
  comment: string | null
  created_at: Date | string
}

/** The cart's newest request, or null. */
export async function latestRequestForCart(container: MedusaContainer, cartId: string): Promise<ApprovalRequestRecord | null> {
  const [latest] = await approvals(container).listApprovalRequests({ cart_id: cartId }, { order: { created_at: "DESC" }, take: 1 })
  return (latest as unknown as ApprovalRequestRecord) ?? null
}

export const asApprovalLike = (request: ApprovalRequestRecord | null): ApprovalLike | null =>
  request ? { status: request.status, amount: toAmount(request.amount) ?? 0 } : null

export interface CartApprovalState {
  required: boolean
  reasons: ApprovalReason[]
  total: number
  covered: boolean
  figures: LimitFigures
  request: ApprovalRequestRecord | null
  member: MemberForSpending | null
}

/**
 * Whether the cart needs approval now and whether an approval covers it. A customer in no
 * organisation has no limits: nothing is required.
 */
export async function cartApprovalState(
  container: MedusaContainer,
  cart: { id: string; customer_id: string | null; total: number },
  now = new Date()
): Promise<CartApprovalState> {
  const figuresBase: LimitFigures = {
    total: cart.total,
    limit_per_order: null,
    limit_per_period: null,
    limit_period: null,
    spent_in_period: 0,
    remaining_budget: null,
  }
  const none = { required: false, reasons: [], total: cart.total, covered: true, figures: figuresBase, request: null, member: null }
  if (!cart.customer_id) return none
  const [member] = await organizations(container).listOrganizationMembers({ customer_id: cart.customer_id }, { relations: ["organization"], take: 1 })
  if (!member?.organization) return none

  const spending = await spendingOf(container, { ...member, organization_id: member.organization.id } as MemberForSpending, member.organization as OrganizationForSpending, now)
  const figures: LimitFigures = {
    total: cart.total,
    limit_per_order: spending.member.limit_per_order,
    limit_per_period: spending.member.limit_per_period,
    limit_period: spending.member.limit_period,
    spent_in_period: spending.member.spent_in_period,
    remaining_budget: spending.organization.remaining_budget,
  }
  const reasons = approvalReasons(cart.total, figures)
  const request = await latestRequestForCart(container, cart.id)
  const required = reasons.length > 0
  return {
    required,
    reasons,
    total: cart.total,
    covered: !required || approvalCovers(asApprovalLike(request), cart.total),
    figures,
    request,
    member: { ...member, organization_id: member.organization.id } as MemberForSpending,
  }
}
