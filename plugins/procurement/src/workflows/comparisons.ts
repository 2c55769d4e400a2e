import { Modules } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, createCartWorkflow, createRemoteLinkStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import type { ReportActor } from "../lib/comparison-report-data"
import { COMPARISON_MODULE } from "../modules/comparison"
import { LOCK_TIMEOUT, LOCK_TTL } from "./locks"
import { recordAuditStep } from "./steps/record-audit"
import {
  createComparisonStep,
  generateReportStep,
  prepareComparisonOrderStep,
  prepareSubmissionStep,
  resolveOffersStep,
  setComparisonFieldsStep,
  transitionComparisonStep,
  updateComparisonStep,
  type ComparisonScope,
} from "./steps/comparison-steps"

/** One change to a comparison at a time (two agency users claiming it, a buyer editing meanwhile). */
export const comparisonLock = (id: string) => `price-comparison:${id}`
const lock = (id: string) => ({ key: comparisonLock(id), timeout: LOCK_TIMEOUT, ttl: LOCK_TTL })

export interface CreateComparisonWorkflowInput {
  organization_id: string
  customer_id: string
  email: string | null
  title: string | null
  category_id: string
  quantity: number
  required_specs: string | null
  variant_ids: string[]
}

/** 发起比价: check the offers against the rules (400 naming the problem) → snapshot them into a draft. */
export const createComparisonWorkflow = createWorkflow("procurement-create-comparison", (input: CreateComparisonWorkflowInput) => {
  const offers = resolveOffersStep(transform({ input }, ({ input }) => ({ variant_ids: input.variant_ids, category_id: input.category_id })))
  const comparison = createComparisonStep(
    transform({ input, offers }, ({ input, offers }) => ({
      organization_id: input.organization_id,
      customer_id: input.customer_id,
      email: input.email,
      title: input.title,
      category_id: input.category_id,
      quantity: input.quantity,
      required_specs: input.required_specs,
      offers,
    }))
  )
  recordAuditStep(
    transform({ input, comparison, offers }, ({ input, comparison, offers }) => ({
      entries: [
        {
          actor_type: "customer" as const,
          actor_id: input.customer_id,
          organization_id: input.organization_id,
          entity_type: "price_comparison",
          entity_id: comparison.id,
          action: "comparison.created",
          before: null,
          after: {
            status: comparison.status,
            title: comparison.title,
            category_id: comparison.category_id,
            quantity: comparison.quantity,
            offers: offers.map((o) => ({ variant_id: o.variant_id, supplier_id: o.supplier_id, unit_price: o.unit_price })),
          },
        },
      ],
    }))
  )
  return new WorkflowResponse(comparison)
})

export interface UpdateComparisonWorkflowInput {
  comparison_id: string
  /** The buyer editing it. */
  customer_id: string
  organization_id: string
  /** The comparison's category, for checking new offers. */
  category_id: string
  title?: string
  quantity?: number
  required_specs?: string | null
  variant_ids?: string[]
}

/** Edits a draft or returned comparison (409 otherwise); new offers are checked like new ones. */
export const updateComparisonWorkflow = createWorkflow("procurement-update-comparison", (input: UpdateComparisonWorkflowInput) => {
  acquireLockStep(transform({ input }, ({ input }) => lock(input.comparison_id)))
  const offers = when("comparison-new-offers", { input }, ({ input }) => !!input.variant_ids).then(() =>
    resolveOffersStep(transform({ input }, ({ input }) => ({ variant_ids: input.variant_ids!, category_id: input.category_id })))
  )
  const updated = updateComparisonStep(
    transform({ input, offers }, ({ input, offers }) => ({
      comparison_id: input.comparison_id,
      organization_id: input.organization_id,
      title: input.title,
      quantity: input.quantity,
      required_specs: input.required_specs,
      offers: offers ?? null,
    }))
  )
  recordAuditStep(
    transform({ input, updated }, ({ input, updated }) => ({
      entries: [
        {
          actor_type: "customer" as const,
          actor_id: input.customer_id,
          organization_id: updated.organization_id,
          entity_type: "price_comparison",
          entity_id: updated.id,
          action: "comparison.updated",
          before: updated.before,
          after: updated.after,
        },
      ],
    }))
  )
  releaseLockStep(transform({ input }, ({ input }) => ({ key: comparisonLock(input.comparison_id) })))
  return new WorkflowResponse(updated)
})

export interface SubmitComparisonWorkflowInput {
  comparison_id: string
  organization_id: string
  actor: ReportActor
  selected_offer_id: string
  reason: string
  agency_id: string
}

/** 提交代理机构: choice, reason and agency → submitted (from returned: resubmitted). */
export const submitComparisonWorkflow = createWorkflow("procurement-submit-comparison", (input: SubmitComparisonWorkflowInput) => {
  acquireLockStep(transform({ input }, ({ input }) => lock(input.comparison_id)))
  const patch = prepareSubmissionStep(
    transform({ input }, ({ input }) => ({
      comparison_id: input.comparison_id,
      organization_id: input.organization_id,
      selected_offer_id: input.selected_offer_id,
      reason: input.reason,
      agency_id: input.agency_id,
    }))
  )
  const moved = transitionComparisonStep(
    transform({ input, patch }, ({ input, patch }) => ({
      comparison_id: input.comparison_id,
      action: "submit" as const,
      scope: { organization_id: input.organization_id },
      actor: input.actor,
      comment: input.reason,
      patch,
    }))
  )
  recordAuditStep(
    transform({ input, moved }, ({ input, moved }) => ({
      entries: [
        {
          actor_type: input.actor.type,
          actor_id: input.actor.id,
          organization_id: moved.organization_id,
          entity_type: "price_comparison",
          entity_id: moved.id,
          action: `comparison.${moved.review_action}`,
          before: moved.before,
          after: moved.after,
        },
      ],
    }))
  )
  releaseLockStep(transform({ input }, ({ input }) => ({ key: comparisonLock(input.comparison_id) })))
  return new WorkflowResponse(moved)
})

export interface ReviewComparisonWorkflowInput {
  comparison_id: string
  action: "claim" | "return"
  scope: ComparisonScope
  actor: ReportActor
  comment: string | null
}

/** The agency claims (受理) a submitted comparison, or returns (退回) a claimed one with its reason. */
export const reviewComparisonWorkflow = createWorkflow("procurement-review-comparison", (input: ReviewComparisonWorkflowInput) => {
  acquireLockStep(transform({ input }, ({ input }) => lock(input.comparison_id)))
  const moved = transitionComparisonStep(
    transform({ input }, ({ input }) => ({ comparison_id: input.comparison_id, action: input.action, scope: input.scope, actor: input.actor, comment: input.comment }))
  )
  recordAuditStep(
    transform({ input, moved }, ({ input, moved }) => ({
      entries: [
        {
          actor_type: input.actor.type,
          actor_id: input.actor.id,
          organization_id: moved.organization_id,
          entity_type: "price_comparison",
          entity_id: moved.id,
          action: `comparison.${moved.review_action}`,
          before: moved.before,
          after: moved.after,
        },
      ],
    }))
  )
  releaseLockStep(transform({ input }, ({ input }) => ({ key: comparisonLock(input.comparison_id) })))
  return new WorkflowResponse(moved)
})

export interface ConfirmComparisonWorkflowInput {
  comparison_id: string
  agency_id: string
  actor: ReportActor
  comment: string | null
}

/**
 * 确认: claimed → confirmed with its serial number and price lock → the report, rendered once and
 * stored byte for byte. A failing report undoes the confirmation.
 */
export const confirmComparisonWorkflow = createWorkflow("procurement-confirm-comparison", (input: ConfirmComparisonWorkflowInput) => {
  acquireLockStep(transform({ input }, ({ input }) => lock(input.comparison_id)))
  const moved = transitionComparisonStep(
    transform({ input }, ({ input }) => ({
      comparison_id: input.comparison_id,
      action: "confirm" as const,
      scope: { agency_id: input.agency_id },
      actor: input.actor,
      comment: input.comment,
    }))
  )
  recordAuditStep(
    transform({ input, moved }, ({ input, moved }) => ({
      entries: [
        {
          actor_type: input.actor.type,
          actor_id: input.actor.id,
          organization_id: moved.organization_id,
          entity_type: "price_comparison",
          entity_id: moved.id,
          action: `comparison.${moved.review_action}`,
          before: moved.before,
          after: moved.after,
        },
      ],
    }))
  )
  const report = generateReportStep(transform({ input }, ({ input }) => ({ comparison_id: input.comparison_id, confirmed_by: input.actor, comment: input.comment })))
  recordAuditStep(
    transform({ input, moved, report }, ({ input, moved, report }) => ({
      entries: [
        {
          actor_type: input.actor.type,
          actor_id: input.actor.id,
          organization_id: moved.organization_id,
          entity_type: "comparison_report",
          entity_id: report.id,
          action: "report.generated",
          before: null,
          after: { comparison_id: moved.id, serial: report.serial, sha256: report.sha256 },
        },
      ],
    }))
  ).config({ name: "procurement-record-report-audit" })
  releaseLockStep(transform({ input }, ({ input }) => ({ key: comparisonLock(input.comparison_id) })))
  return new WorkflowResponse({ moved, report })
})

export interface CreateComparisonCartWorkflowInput {
  comparison_id: string
  organization_id: string
  customer_id: string
  region_id: string
  sales_channel_id: string
}

/**
 * 按比价结果下单: a cart holding the chosen offer × quantity at the compared unit price (a custom
 * price line item, which Medusa's cart refresh keeps), linked to the comparison. 409 unless
 * confirmed and within the price lock.
 */
export const createComparisonCartWorkflow = createWorkflow("procurement-comparison-cart", (input: CreateComparisonCartWorkflowInput) => {
  acquireLockStep(transform({ input }, ({ input }) => lock(input.comparison_id)))
  const line = prepareComparisonOrderStep(transform({ input }, ({ input }) => ({ comparison_id: input.comparison_id, organization_id: input.organization_id })))
  const cart = createCartWorkflow.runAsStep({
    input: transform({ input, line }, ({ input, line }) => ({
      region_id: input.region_id,
      sales_channel_id: input.sales_channel_id,
      customer_id: input.customer_id,
      currency_code: "cny",
      metadata: { price_comparison_id: line.comparison_id, price_comparison_serial: line.serial },
      items: [
        {
          variant_id: line.variant_id,
          quantity: line.quantity,
          unit_price: line.unit_price,
          metadata: { price_comparison_id: line.comparison_id, price_comparison_serial: line.serial },
        },
      ],
    })),
  })
  createRemoteLinkStep(
    transform({ line, cart }, ({ line, cart }) => [{ [COMPARISON_MODULE]: { price_comparison_id: line.comparison_id }, [Modules.CART]: { cart_id: cart.id } }])
  )
  const carted = setComparisonFieldsStep(transform({ line, cart }, ({ line, cart }) => ({ comparison_id: line.comparison_id, fields: { cart_id: cart.id } })))
  recordAuditStep(
    transform({ input, carted, line }, ({ input, carted, line }) => ({
      entries: [
        {
          actor_type: "customer" as const,
          actor_id: input.customer_id,
          organization_id: carted.organization_id,
          entity_type: "price_comparison",
          entity_id: carted.id,
          action: "comparison.cart_created",
          before: carted.before,
          after: { ...carted.after, variant_id: line.variant_id, quantity: line.quantity, unit_price: line.unit_price },
        },
      ],
    }))
  )
  releaseLockStep(transform({ input }, ({ input }) => ({ key: comparisonLock(input.comparison_id) })))
  return new WorkflowResponse(cart)
})

/** The order placed from a comparison's cart: the comparison becomes `ordered`, linked to it. */
export const markComparisonOrderedWorkflow = createWorkflow("procurement-comparison-ordered", (input: { comparison_id: string; order_id: string }) => {
  acquireLockStep(transform({ input }, ({ input }) => lock(input.comparison_id)))
  const marked = setComparisonFieldsStep(transform({ input }, ({ input }) => ({ comparison_id: input.comparison_id, fields: { status: "ordered", order_id: input.order_id } })))
  recordAuditStep(
    transform({ marked }, ({ marked }) => ({
      entries: [
        {
          actor_type: "system" as const,
          actor_id: "order.placed",
          organization_id: marked.organization_id,
          entity_type: "price_comparison",
          entity_id: marked.id,
          action: "comparison.ordered",
          before: marked.before,
          after: marked.after,
        },
      ],
    }))
  )
  createRemoteLinkStep(
    transform({ input }, ({ input }) => [{ [COMPARISON_MODULE]: { price_comparison_id: input.comparison_id }, [Modules.ORDER]: { order_id: input.order_id } }])
  )
  releaseLockStep(transform({ input }, ({ input }) => ({ key: comparisonLock(input.comparison_id) })))
  return new WorkflowResponse(input)
})
