// The order progress timeline (订单进度): placed → paid → shipped → delivered → accepted (验收).
// Pure functions over an order snapshot read from Medusa (see ORDER_SNAPSHOT_FIELDS), so the
// rules are unit-testable and the same predicate drives both the timeline and the acceptance
// workflow's validation.

type DateLike = Date | string | null | undefined

export interface OrderSnapshotPayment {
  captured_at?: DateLike
  canceled_at?: DateLike
}

export interface OrderSnapshotFulfillment {
  shipped_at?: DateLike
  delivered_at?: DateLike
  canceled_at?: DateLike
}

/** A refund paid back through the provider that took the payment (Medusa's refund record). */
export interface OrderSnapshotRefund {
  id: string
  amount: number
  created_at: DateLike
  note?: string | null
}

/** A return (退货) of items; `received_at` is when they went back into stock. */
export interface OrderSnapshotReturn {
  id: string
  status: string
  quantity: number
  created_at: DateLike
  received_at?: DateLike
  canceled_at?: DateLike
}

export interface OrderSnapshotAcceptance {
  id: string
  accepted_at: DateLike
  note?: string | null
}

/** What the timeline needs to know about an order; statuses are Medusa's own aggregates. */
export interface OrderSnapshot {
  id: string
  display_id: number | null
  status: string
  customer_id: string | null
  created_at: DateLike
  canceled_at?: DateLike
  /** Medusa's aggregate payment status (not_paid, authorized, captured, refunded, …). */
  payment_status: string
  /** Medusa's aggregate fulfillment status (not_fulfilled, fulfilled, shipped, delivered, …). */
  fulfillment_status: string
  payments: OrderSnapshotPayment[]
  fulfillments: OrderSnapshotFulfillment[]
  /** Every item's quantity is in some fulfillment (Medusa's status alone cannot tell this when part is delivered). */
  all_items_fulfilled?: boolean
  acceptance: OrderSnapshotAcceptance | null
  refunds?: OrderSnapshotRefund[]
  returns?: OrderSnapshotReturn[]
  currency_code?: string | null
  /** The buyer's email (who placed the order). */
  email?: string | null
  /**
   * What other plugins add to the snapshot through `registerOrderSnapshotEnricher`
   * (src/lib/progress-extensions.ts), by enricher name — e.g. procurement's approval.
   */
  extensions?: Record<string, unknown>
}

export interface ProgressStepState {
  done: boolean
  /** When the step was reached (ISO 8601), or null when it was not (or Medusa has no time for it). */
  at: string | null
  /** Who took the step (an email or a name), where known. */
  by?: string | null
  /** When the step is due (ISO 8601); overrides the deadline counted from the step before. */
  due_at?: string | null
}

/**
 * One step of the timeline. The list is data: the procurement plugin inserts its approval
 * steps with `insertProgressStep` rather than editing this file.
 */
export interface ProgressStepDefinition {
  key: string
  label_zh: string
  label_en: string
  state(order: OrderSnapshot): ProgressStepState
  /** Whether the order has this step at all (default: every order), e.g. approval only for approved orders. */
  applies?(order: OrderSnapshot): boolean
}

export interface ProgressStep {
  key: string
  label_zh: string
  label_en: string
  done: boolean
  at: string | null
  by: string | null
  /** When the step was due, or null when it has no deadline (or the step before it is not reached). */
  due_at: string | null
  /** Not reached by `due_at`: still open after it, or reached later than it. */
  overdue: boolean
}

/**
 * Something that happened beside the steps: the order cancelled, items returned to stock, money
 * refunded. Listed oldest first; amounts are in the order's currency (major units, as Medusa's).
 */
export interface ProgressEvent {
  type: "canceled" | "returned" | "refunded"
  /** The refund's or return's id; the order's for a cancellation. */
  id: string
  at: string | null
  label_zh: string
  label_en: string
  amount?: number
  quantity?: number
  note?: string | null
}

export interface OrderProgress {
  order_id: string
  display_id: number | null
  status: string
  steps: ProgressStep[]
  /** Key of the first step that is not done; null when all are done or the order is cancelled. */
  current: string | null
  can_accept: boolean
  /** The buyer may still cancel (nothing shipped or packed yet, not cancelled). */
  can_cancel: boolean
  acceptance: { id: string; accepted_at: string | null; note: string | null } | null
  events: ProgressEvent[]
  /** What has been paid back so far. */
  refunded_amount: number
  currency_code: string | null
}

/** Payment states in which the buyer has paid the full amount (refunds come after payment). */
const PAID_STATUSES = new Set(["captured", "partially_refunded", "refunded"])
const SHIPPED_STATUSES = new Set(["shipped", "delivered"])

function iso(value: DateLike): string | null {
  if (value === null || value === undefined) return null
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

/** The latest of the given times (a step is reached when its last part is). */
function latest(values: DateLike[]): string | null {
  const times = values.map(iso).filter((value): value is string => value !== null)
  return times.length ? times.reduce((a, b) => (a > b ? a : b)) : null
}

const activeFulfillments = (order: OrderSnapshot) => order.fulfillments.filter((f) => !f.canceled_at)

/**
 * Everything is on its way: Medusa says shipped or delivered, or "partially delivered" where
 * the part not delivered yet has shipped (one parcel arrived, the other is on the road) and no
 * item waits for a fulfillment.
 */
export function isShipped(order: OrderSnapshot): boolean {
  const active = activeFulfillments(order)
  if (!active.length) return false
  if (SHIPPED_STATUSES.has(order.fulfillment_status)) return true
  return order.fulfillment_status === "partially_delivered" && order.all_items_fulfilled === true && active.every((f) => f.shipped_at || f.delivered_at)
}

/** All fulfillments (at least one, cancelled ones aside) delivered and nothing left unfulfilled. */
export function isDelivered(order: OrderSnapshot): boolean {
  return order.fulfillment_status === "delivered" && activeFulfillments(order).length > 0
}

const DEFAULT_PROGRESS_STEPS: ProgressStepDefinition[] = [
  {
    key: "placed",
    label_zh: "已下单",
    label_en: "Placed",
    state: (order) => ({ done: true, at: iso(order.created_at), by: order.email ?? null }),
  },
  {
    key: "paid",
    label_zh: "已付款",
    label_en: "Paid",
    state: (order) => {
      const done = PAID_STATUSES.has(order.payment_status)
      return { done, at: done ? latest(order.payments.filter((p) => !p.canceled_at).map((p) => p.captured_at)) : null }
    },
  },
  {
    key: "shipped",
    label_zh: "已发货",
    label_en: "Shipped",
    state: (order) => {
      const done = isShipped(order)
      return { done, at: done ? latest(activeFulfillments(order).map((f) => f.shipped_at ?? f.delivered_at)) : null }
    },
  },
  {
    key: "delivered",
    label_zh: "已送达",
    label_en: "Delivered",
    state: (order) => {
      const done = isDelivered(order)
      return { done, at: done ? latest(activeFulfillments(order).map((f) => f.delivered_at)) : null }
    },
  },
  {
    key: "accepted",
    label_zh: "已验收",
    label_en: "Accepted",
    // The buyer accepts their own order (POST /store/orders/:id/accept).
    state: (order) => ({ done: order.acceptance !== null, at: iso(order.acceptance?.accepted_at), by: order.acceptance ? (order.email ?? null) : null }),
  },
]

const STEPS_KEY = Symbol.for("gongwucang.orders.progress-steps")
const DEADLINES_KEY = Symbol.for("gongwucang.orders.progress-deadlines")
type GlobalWithProgress = typeof globalThis & {
  [STEPS_KEY]?: ProgressStepDefinition[]
  [DEADLINES_KEY]?: Record<string, number>
}
const shared = globalThis as GlobalWithProgress

/**
 * The timeline's steps, in order. Kept on `globalThis` (under a `Symbol.for` key) so that a
 * plugin inserting a step through another copy of this module changes the same list.
 */
export const ORDER_PROGRESS_STEPS: ProgressStepDefinition[] = (shared[STEPS_KEY] ??= DEFAULT_PROGRESS_STEPS)

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * How long (days) each step may take after the step before it was reached: approval 2 days,
 * payment 3, shipping 7 after payment, delivery 7 after shipping, acceptance 7 after delivery.
 * A step without an entry has no deadline. Change with `configureProgressDeadlines`.
 */
export const DEFAULT_PROGRESS_DEADLINE_DAYS: Readonly<Record<string, number>> = {
  approved: 2,
  paid: 3,
  shipped: 7,
  delivered: 7,
  accepted: 7,
}

/** The deadlines in force (days per step key). */
export function progressDeadlineDays(): Record<string, number> {
  return (shared[DEADLINES_KEY] ??= { ...DEFAULT_PROGRESS_DEADLINE_DAYS })
}

/** Sets the days some steps may take (null removes a step's deadline); returns the deadlines in force. */
export function configureProgressDeadlines(days: Record<string, number | null>): Record<string, number> {
  const deadlines = progressDeadlineDays()
  for (const [key, value] of Object.entries(days)) {
    if (value === null) delete deadlines[key]
    else if (Number.isFinite(value) && value > 0) deadlines[key] = value
    else throw new Error(`progress deadline for '${key}' must be a positive number of days`)
  }
  return deadlines
}

/**
 * Inserts a step before or after an existing one (or at the end), e.g. the procurement
 * plugin's approval between "placed" and "paid". Keys are unique.
 */
export function insertProgressStep(
  definition: ProgressStepDefinition,
  position: { before: string } | { after: string } | "end" = "end",
  steps: ProgressStepDefinition[] = ORDER_PROGRESS_STEPS
): void {
  if (steps.some((step) => step.key === definition.key)) {
    throw new Error(`progress step '${definition.key}' is defined already`)
  }
  if (position === "end") {
    steps.push(definition)
    return
  }
  const anchor = "before" in position ? position.before : position.after
  const index = steps.findIndex((step) => step.key === anchor)
  if (index < 0) throw new Error(`progress step '${anchor}' does not exist`)
  steps.splice("before" in position ? index : index + 1, 0, definition)
}

export interface AcceptanceProblem {
  /** "not_allowed" → 400, "conflict" → 409. */
  type: "not_allowed" | "conflict"
  message: string
}

export const ACCEPTANCE_MESSAGES = {
  canceled: "订单已取消，不能验收 / The order has been cancelled and cannot be accepted",
  already_accepted: "订单已验收，不能重复验收 / The order has already been accepted",
  not_delivered: "订单尚未送达，不能验收 / The order has not been delivered yet",
} as const

/** Why the order cannot be accepted now, or null when it can. */
export function acceptanceProblem(order: OrderSnapshot): AcceptanceProblem | null {
  if (order.status === "canceled" || order.canceled_at) {
    return { type: "not_allowed", message: ACCEPTANCE_MESSAGES.canceled }
  }
  if (order.acceptance) {
    return { type: "conflict", message: ACCEPTANCE_MESSAGES.already_accepted }
  }
  if (!isDelivered(order)) {
    return { type: "not_allowed", message: ACCEPTANCE_MESSAGES.not_delivered }
  }
  return null
}

export const CANCEL_MESSAGES = {
  canceled: "订单已取消 / The order has been cancelled already",
  fulfilled: "订单已备货或发货，不能取消，请在收货后申请退货 / The order is being shipped and can no longer be cancelled; ask for a return once it arrives",
  accepted: "订单已验收，不能取消 / The order has been accepted and cannot be cancelled",
} as const

/**
 * Why the buyer cannot cancel the order now, or null when they can: only before anything is
 * packed (Medusa refuses to cancel an order with fulfillments; after that it is a return).
 */
export function cancelProblem(order: OrderSnapshot): AcceptanceProblem | null {
  if (order.status === "canceled" || order.canceled_at) return { type: "conflict", message: CANCEL_MESSAGES.canceled }
  if (order.acceptance) return { type: "not_allowed", message: CANCEL_MESSAGES.accepted }
  if (activeFulfillments(order).length > 0) return { type: "not_allowed", message: CANCEL_MESSAGES.fulfilled }
  return null
}

/** Cancellation, returns received into stock and refunds, oldest first. */
export function progressEvents(order: OrderSnapshot): ProgressEvent[] {
  const events: ProgressEvent[] = []
  if (order.status === "canceled" || order.canceled_at) {
    events.push({ type: "canceled", id: order.id, at: iso(order.canceled_at), label_zh: "已取消", label_en: "Cancelled" })
  }
  for (const item of order.returns ?? []) {
    if (item.canceled_at || !item.received_at) continue
    events.push({ type: "returned", id: item.id, at: iso(item.received_at), label_zh: "退货入库", label_en: "Returned to stock", quantity: item.quantity })
  }
  for (const refund of order.refunds ?? []) {
    events.push({
      type: "refunded",
      id: refund.id,
      at: iso(refund.created_at),
      label_zh: "已退款",
      label_en: "Refunded",
      amount: refund.amount,
      note: refund.note ?? null,
    })
  }
  // Medusa's cancellation refunds first and marks the order cancelled last, a moment later; the
  // cancellation is listed before the refunds it caused (those within a minute before it).
  const sortKey = new Map<ProgressEvent, string>(events.map((event) => [event, event.at ?? ""]))
  const cancellation = events.find((event) => event.type === "canceled")
  if (cancellation?.at) {
    const canceledAt = Date.parse(cancellation.at)
    const caused = events.filter(
      (event) => event.type === "refunded" && event.at && Date.parse(event.at) <= canceledAt && canceledAt - Date.parse(event.at) <= 60_000
    )
    for (const refund of caused) if (refund.at! < sortKey.get(cancellation)!) sortKey.set(cancellation, refund.at!)
  }
  const rank = { canceled: 0, returned: 1, refunded: 2 }
  return events.sort((a, b) => sortKey.get(a)!.localeCompare(sortKey.get(b)!) || rank[a.type] - rank[b.type])
}

export interface BuildProgressOptions {
  /** The time overdue steps are judged at (default: now). */
  now?: Date
  /** Days per step key (default: the deadlines in force, see configureProgressDeadlines). */
  deadlines?: Readonly<Record<string, number>>
}

/**
 * When each step was due and whether it is overdue. A step's deadline counts from the latest
 * time a step before it was reached, and only once the step right before it is done. A step
 * that is open while a later one is done (e.g. payment after acceptance for pay-on-acceptance
 * orders) is not overdue: the order goes another way. A cancelled order has nothing overdue.
 */
export function withDeadlines(
  states: (ProgressStepState & { key: string; label_zh: string; label_en: string })[],
  order: OrderSnapshot,
  options: BuildProgressOptions = {}
): ProgressStep[] {
  const now = (options.now ?? new Date()).getTime()
  const deadlines = options.deadlines ?? progressDeadlineDays()
  const canceled = order.status === "canceled" || !!order.canceled_at
  let reachedBefore: string | null = null
  return states.map((state, index) => {
    const days = deadlines[state.key]
    const previousDone = index === 0 || states[index - 1].done
    let dueAt: string | null = state.due_at ?? null
    if (!dueAt && days !== undefined && previousDone && reachedBefore) {
      dueAt = new Date(Date.parse(reachedBefore) + days * DAY_MS).toISOString()
    }
    const laterDone = states.slice(index + 1).some((later) => later.done)
    let overdue = false
    if (dueAt && !canceled) {
      if (state.done) overdue = !!state.at && state.at > dueAt
      else overdue = !laterDone && now > Date.parse(dueAt)
    }
    if (state.done && state.at && (!reachedBefore || state.at > reachedBefore)) reachedBefore = state.at
    return {
      key: state.key,
      label_zh: state.label_zh,
      label_en: state.label_en,
      done: state.done,
      at: state.at,
      by: state.by ?? null,
      due_at: dueAt,
      overdue,
    }
  })
}

export function buildOrderProgress(
  order: OrderSnapshot,
  definitions: readonly ProgressStepDefinition[] = ORDER_PROGRESS_STEPS,
  options: BuildProgressOptions = {}
): OrderProgress {
  const states = definitions
    .filter((definition) => !definition.applies || definition.applies(order))
    .map((definition) => ({
      key: definition.key,
      label_zh: definition.label_zh,
      label_en: definition.label_en,
      ...definition.state(order),
    }))
  const steps = withDeadlines(states, order, options)
  const canceled = order.status === "canceled"
  return {
    order_id: order.id,
    display_id: order.display_id,
    status: order.status,
    steps,
    current: canceled ? null : (steps.find((step) => !step.done)?.key ?? null),
    can_accept: acceptanceProblem(order) === null,
    can_cancel: cancelProblem(order) === null,
    acceptance: order.acceptance
      ? { id: order.acceptance.id, accepted_at: iso(order.acceptance.accepted_at), note: order.acceptance.note ?? null }
      : null,
    events: progressEvents(order),
    // Whole fen, so sums of decimals do not show float dust.
    refunded_amount: Math.round((order.refunds ?? []).reduce((sum, refund) => sum + refund.amount, 0) * 100) / 100,
    currency_code: order.currency_code ?? null,
  }
}
