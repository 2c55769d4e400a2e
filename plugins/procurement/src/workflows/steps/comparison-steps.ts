import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COMPARISON_MESSAGES } from "../../lib/comparison-messages"
import { resolveOffers, type OfferSnapshot } from "../../lib/comparison-offers"
import { buildReportData, type ReportActor } from "../../lib/comparison-report-data"
import { reportContentHash, renderReportPdf } from "../../lib/comparison-report"
import {
  allowedFrom,
  comparisonRuleOptions,
  formatSerial,
  nextStatus,
  pricesLockedUntil,
  reviewActionFor,
  sha256Hex,
  type ComparisonAction,
  type ComparisonStatus,
} from "../../lib/comparison-rules"
import { agencies, comparisons } from "../../lib/comparison-service"
import { organizations } from "../../lib/organization-service"

type Row = Record<string, any>

/** The fields a step may change and its compensation puts back. */
const RESTORABLE = [
  "title",
  "quantity",
  "required_specs",
  "status",
  "selected_offer_id",
  "selection_reason",
  "agency_id",
  "agency_name",
  "submitted_at",
  "confirmed_at",
  "serial",
  "prices_locked_until",
  "cart_id",
  "order_id",
] as const

function restorable(c: Row): Row {
  return Object.fromEntries(RESTORABLE.map((k) => [k, c[k] ?? null]))
}

export interface ComparisonScope {
  /** The buyer's organisation: another organisation's comparison is a 404. */
  organization_id?: string
  /** The agency: comparisons not submitted to it (and drafts) are a 404. */
  agency_id?: string
}

/** Loads a comparison within the caller's scope; anything outside it is "not found". */
export async function loadScopedComparison(container: any, id: string, scope: ComparisonScope, relations: string[] = []): Promise<Row> {
  const [c] = await comparisons(container).listPriceComparisons({ id }, { relations, take: 1 })
  const outside =
    !c ||
    (scope.organization_id !== undefined && c.organization_id !== scope.organization_id) ||
    (scope.agency_id !== undefined && (c.agency_id !== scope.agency_id || c.status === "draft"))
  if (outside) throw new MedusaError(MedusaError.Types.NOT_FOUND, COMPARISON_MESSAGES.not_found(id))
  return c as Row
}

function requireState(c: Row, action: ComparisonAction): ComparisonStatus {
  const next = nextStatus(c.status, action)
  if (!next) throw new MedusaError(MedusaError.Types.CONFLICT, COMPARISON_MESSAGES.wrong_state(c.status, allowedFrom(action)))
  return next
}

/** Checks the variants against the rules and snapshots them (read only: nothing to undo). */
export const resolveOffersStep = createStep(
  "procurement-comparison-resolve-offers",
  async (input: { variant_ids: string[]; category_id: string }, { container }) => {
    return new StepResponse(await resolveOffers(container, input.variant_ids, input.category_id, comparisonRuleOptions()))
  }
)

export interface CreateComparisonStepInput {
  organization_id: string
  customer_id: string
  email: string | null
  title: string | null
  category_id: string
  quantity: number
  required_specs: string | null
  offers: OfferSnapshot[]
}

/** Inserts the draft and its offers; undone by deleting it (offers cascade). */
export const createComparisonStep = createStep(
  "procurement-comparison-create",
  async (input: CreateComparisonStepInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: categories } = await query.graph({ entity: "product_category", fields: ["id", "name"], filters: { id: input.category_id } })
    if (!categories[0]) throw new MedusaError(MedusaError.Types.INVALID_DATA, COMPARISON_MESSAGES.category_unknown(input.category_id))
    const organization = await organizations(container).retrieveOrganization(input.organization_id)
    const service = comparisons(container)
    const categoryName = categories[0].name as string
    const comparison = await service.createPriceComparisons({
      organization_id: input.organization_id,
      organization_name: organization.name,
      created_by_customer_id: input.customer_id,
      created_by_email: input.email,
      title: input.title ?? `${categoryName} 比价`,
      category_id: input.category_id,
      category_name: categoryName,
      quantity: input.quantity,
      required_specs: input.required_specs,
      status: "draft",
    })
    await service.createComparisonOffers(input.offers.map((o) => ({ ...o, comparison_id: comparison.id })))
    return new StepResponse(comparison, comparison.id)
  },
  async (id, { container }) => {
    if (id) await comparisons(container).deletePriceComparisons(id)
  }
)

export interface UpdateComparisonStepInput {
  comparison_id: string
  organization_id: string
  title?: string
  quantity?: number
  required_specs?: string | null
  /** New offers replacing the old ones (the choice is cleared then). */
  offers?: OfferSnapshot[] | null
}

/** Edits a draft or returned comparison; undone by putting the fields and the old offers back. */
export const updateComparisonStep = createStep(
  "procurement-comparison-update",
  async (input: UpdateComparisonStepInput, { container }) => {
    const service = comparisons(container)
    const c = await loadScopedComparison(container, input.comparison_id, { organization_id: input.organization_id }, ["offers"])
    requireState(c, "edit")
    const before = restorable(c)
    const patch: Row = {}
    if (input.title !== undefined) patch.title = input.title
    if (input.quantity !== undefined) patch.quantity = input.quantity
    if (input.required_specs !== undefined) patch.required_specs = input.required_specs
    let removed: string[] = []
    let added: string[] = []
    if (input.offers) {
      removed = (c.offers ?? []).map((o: Row) => o.id)
      await service.softDeleteComparisonOffers(removed)
      added = (await service.createComparisonOffers(input.offers.map((o) => ({ ...o, comparison_id: c.id })))).map((o) => o.id)
      patch.selected_offer_id = null
      patch.selection_reason = null
    }
    if (Object.keys(patch).length) await service.updatePriceComparisons({ id: c.id, ...patch })
    const audit = {
      before: { ...Object.fromEntries(Object.keys(patch).map((k) => [k, before[k]])), ...(input.offers ? { variant_ids: (c.offers ?? []).map((o: Row) => o.variant_id) } : {}) },
      after: { ...patch, ...(input.offers ? { variant_ids: input.offers.map((o) => o.variant_id) } : {}) },
    }
    return new StepResponse({ id: c.id, organization_id: c.organization_id as string, ...audit }, { id: c.id, before, removed, added })
  },
  async (undo, { container }) => {
    if (!undo) return
    const service = comparisons(container)
    if (undo.added.length) await service.deleteComparisonOffers(undo.added)
    if (undo.removed.length) await service.restoreComparisonOffers(undo.removed)
    await service.updatePriceComparisons({ id: undo.id, ...undo.before })
  }
)

export interface SubmissionInput {
  comparison_id: string
  organization_id: string
  selected_offer_id: string
  reason: string
  agency_id: string
}

/** Checks the chosen offer belongs to the comparison and the agency is active; gives the fields to set. */
export const prepareSubmissionStep = createStep("procurement-comparison-prepare-submission", async (input: SubmissionInput, { container }) => {
  const c = await loadScopedComparison(container, input.comparison_id, { organization_id: input.organization_id }, ["offers"])
  requireState(c, "submit")
  if (!(c.offers ?? []).some((o: Row) => o.id === input.selected_offer_id)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, COMPARISON_MESSAGES.selected_offer_unknown(input.selected_offer_id))
  }
  const [agency] = await agencies(container).listAgencies({ id: input.agency_id, status: "active" }, { take: 1 })
  if (!agency) throw new MedusaError(MedusaError.Types.INVALID_DATA, COMPARISON_MESSAGES.agency_unknown(input.agency_id))
  return new StepResponse({
    selected_offer_id: input.selected_offer_id,
    selection_reason: input.reason,
    agency_id: agency.id,
    agency_name: agency.name,
    submitted_at: new Date(),
  })
})

export interface TransitionStepInput {
  comparison_id: string
  action: "submit" | "claim" | "return" | "confirm"
  scope: ComparisonScope
  actor: ReportActor
  comment?: string | null
  patch?: Row
}

/**
 * Moves a comparison along (draft/returned → submitted → claimed → returned | confirmed), 409 from
 * any other state, and records the step in its history. Confirming draws the serial number from
 * the database sequence and starts the price lock. Undone by restoring the fields and removing
 * the history entry (a drawn serial number stays unused).
 */
export const transitionComparisonStep = createStep(
  "procurement-comparison-transition",
  async (input: TransitionStepInput, { container }) => {
    const service = comparisons(container)
    const c = await loadScopedComparison(container, input.comparison_id, input.scope)
    const next = requireState(c, input.action)
    const before = restorable(c)
    const now = new Date()
    const patch: Row = { ...(input.patch ?? {}), status: next }
    if (input.action === "confirm") {
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
      const result = await pg.raw("select nextval('price_comparison_serial_seq') as n")
      patch.serial = formatSerial(now.getUTCFullYear(), Number(result.rows[0].n))
      patch.confirmed_at = now
      patch.prices_locked_until = pricesLockedUntil(now, comparisonRuleOptions().validity_days)
    }
    await service.updatePriceComparisons({ id: c.id, ...patch })
    const review = await service.createComparisonReviews({
      comparison_id: c.id,
      action: reviewActionFor(input.action, c.status),
      comment: input.comment ?? null,
      actor_type: input.actor.type,
      actor_id: input.actor.id,
      actor_name: input.actor.name,
      at: now,
    })
    return new StepResponse(
      { id: c.id, organization_id: c.organization_id as string, review_action: review.action as string, before: { status: c.status }, after: { ...patch, status: next } },
      { id: c.id, before, review_id: review.id }
    )
  },
  async (undo, { container }) => {
    if (!undo) return
    const service = comparisons(container)
    await service.deleteComparisonReviews(undo.review_id)
    await service.updatePriceComparisons({ id: undo.id, ...undo.before })
  }
)

/** Renders the report once and stores its exact bytes and hashes; undone by deleting it. */
export const generateReportStep = createStep(
  "procurement-comparison-generate-report",
  async (input: { comparison_id: string; confirmed_by: ReportActor; comment: string | null }, { container }) => {
    const service = comparisons(container)
    const [c] = await service.listPriceComparisons({ id: input.comparison_id }, { relations: ["offers", "reviews"], take: 1 })
    const organization = await organizations(container).retrieveOrganization(c.organization_id)
    const data = buildReportData(c as Row, organization as Row, input.confirmed_by, input.comment, new Date())
    const contentHash = reportContentHash(data)
    const pdf = await renderReportPdf(data, contentHash)
    const report = await service.createComparisonReports({
      comparison_id: c.id,
      serial: data.serial,
      organization_name: data.organization.name,
      title: data.title,
      content_sha256: contentHash,
      sha256: sha256Hex(pdf),
      size: pdf.length,
      pdf_base64: pdf.toString("base64"),
      generated_at: new Date(data.generated_at),
    })
    return new StepResponse({ id: report.id, serial: report.serial, sha256: report.sha256 }, report.id)
  },
  async (id, { container }) => {
    if (id) await comparisons(container).deleteComparisonReports(id)
  }
)

/** Checks the comparison can be ordered now (confirmed, prices still held) and gives the line to buy. */
export const prepareComparisonOrderStep = createStep(
  "procurement-comparison-prepare-order",
  async (input: { comparison_id: string; organization_id: string }, { container }) => {
    const c = await loadScopedComparison(container, input.comparison_id, { organization_id: input.organization_id }, ["offers"])
    if (c.status === "ordered") throw new MedusaError(MedusaError.Types.CONFLICT, COMPARISON_MESSAGES.already_ordered)
    if (c.status !== "confirmed") throw new MedusaError(MedusaError.Types.CONFLICT, COMPARISON_MESSAGES.not_confirmed)
    if (!c.prices_locked_until || new Date(c.prices_locked_until).getTime() < Date.now()) {
      throw new MedusaError(MedusaError.Types.CONFLICT, COMPARISON_MESSAGES.prices_expired(c.prices_locked_until ? new Date(c.prices_locked_until).toISOString() : "—"))
    }
    const offer = (c.offers as Row[]).find((o) => o.id === c.selected_offer_id)!
    return new StepResponse({
      comparison_id: c.id,
      serial: c.serial as string,
      variant_id: offer.variant_id as string,
      title: offer.title as string,
      quantity: c.quantity as number,
      unit_price: Number(offer.unit_price),
    })
  }
)

/** Remembers the comparison's latest cart (or order), restoring the old values on undo. */
export const setComparisonFieldsStep = createStep(
  "procurement-comparison-set-fields",
  async (input: { comparison_id: string; fields: Row }, { container }) => {
    const service = comparisons(container)
    const c = await service.retrievePriceComparison(input.comparison_id)
    const before = Object.fromEntries(Object.keys(input.fields).map((k) => [k, (c as Row)[k] ?? null]))
    await service.updatePriceComparisons({ id: c.id, ...input.fields })
    return new StepResponse({ id: c.id, organization_id: c.organization_id, before, after: input.fields }, { id: c.id, before })
  },
  async (undo, { container }) => {
    if (undo) await comparisons(container).updatePriceComparisons({ id: undo.id, ...undo.before })
  }
)
