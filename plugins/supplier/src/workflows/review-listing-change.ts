import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateProductsWorkflow, updateProductVariantsWorkflow } from "@medusajs/medusa/core-flows"
import type { ListingSnapshot } from "../lib/listing"
import { loadListingStates } from "../lib/listing-state"
import { applySnapshot, type ProductUpdate, type VariantPriceUpdate } from "../lib/listing-update"
import { SUPPLIER_MODULE } from "../modules/supplier"
import type SupplierModuleService from "../modules/supplier/service"
import { recordAuditStep } from "./steps/audit"
import { updateListingChangeStep } from "./steps/listing-changes"

export type ListingDecision = "approve" | "reject" | "request_changes"

export interface ReviewListingChangeInput {
  change_id: string
  decision: ListingDecision
  note?: string | null
  operator_id: string
}

const STATUS: Record<ListingDecision, "approved" | "rejected" | "changes_requested"> = {
  approve: "approved",
  reject: "rejected",
  request_changes: "changes_requested",
}

const SUSPENDED_FROM = "suspended_from_status"

/** Checks the decision and works out what approval writes; reads only. */
const prepareDecisionStep = createStep("supplier-prepare-listing-decision", async (input: ReviewListingChangeInput, { container }) => {
  const service = container.resolve<SupplierModuleService>(SUPPLIER_MODULE)
  const [change] = await service.listListingChanges({ id: input.change_id }, { take: 1 })
  if (!change) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Listing change ${input.change_id} not found`)
  if (change.status !== "pending") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `该变更已处理（${change.status}）/ This listing change was already decided (${change.status})`)
  }
  if (input.decision !== "approve" && !input.note?.trim()) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "驳回或要求修改时须填写说明 / A note is required to reject or request changes")
  }
  const supplier = await service.retrieveSupplier(change.supplier_id, { relations: ["members"] })
  const [state] = await loadListingStates(container, [change.product_id])
  if (!state && input.decision === "approve") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "商品已被删除，不能批准 / The product was deleted; this change cannot be approved")
  }
  let product: (ProductUpdate & { status?: "published" }) | null = null
  let prices: VariantPriceUpdate[] = []
  if (input.decision === "approve" && state) {
    if (change.kind === "create") {
      // A suspended supplier's listing stays off sale; reinstatement publishes it.
      product = supplier.status === "suspended" ? { id: state.id, metadata: { ...state.metadata, [SUSPENDED_FROM]: "published" } } : { id: state.id, status: "published" }
    } else {
      const applied = applySnapshot(state, change.proposed as ListingSnapshot)
      product = applied.product
      prices = applied.prices
    }
  }
  return new StepResponse({
    change: { id: change.id, kind: change.kind, product_id: change.product_id, supplier_id: change.supplier_id },
    product_title: state?.title ?? null,
    supplier: { id: supplier.id, company_name: supplier.company_name, status: supplier.status },
    members: supplier.members.map((m) => ({ email: m.email, name: m.name })),
    product,
    prices,
  })
})

const notifyListingDecisionStep = createStep(
  "supplier-notify-listing-decision",
  async (input: { members: { email: string; name: string }[]; supplier_id: string; company_name: string; change: { id: string; kind: string; product_id: string }; product_title: string | null; decision: ListingDecision; note: string | null }, { container }) => {
    if (!input.members.length) return new StepResponse([] as string[])
    const created = await container.resolve(Modules.NOTIFICATION).createNotifications(
      input.members.map((m) => ({
        to: m.email,
        channel: "feed",
        template: `listing-${input.decision}`,
        data: {
          supplier_id: input.supplier_id,
          company_name: input.company_name,
          change_id: input.change.id,
          change_kind: input.change.kind,
          product_id: input.change.product_id,
          product_title: input.product_title,
          decision: input.decision,
          note: input.note,
          member_name: m.name,
        },
        resource_id: input.supplier_id,
        resource_type: "supplier",
      }))
    )
    return new StepResponse(created.map((n) => n.id))
  }
)

/**
 * The operator's decision on a pending listing change (审核): approve applies it (a new listing is
 * published; an update's title, category, specs, terms and prices replace the live ones),
 * reject and request-changes leave the product as the public sees it, with the operator's note
 * for the supplier. Every decision is logged and sent to the supplier's members.
 */
export const reviewListingChangeWorkflow = createWorkflow("review-listing-change", (input: ReviewListingChangeInput) => {
  const prepared = prepareDecisionStep(input)
  const decided = updateListingChangeStep(
    transform({ input }, ({ input }) => ({
      id: input.change_id,
      status: STATUS[input.decision],
      review_note: input.note?.trim() || null,
      reviewed_at: new Date(),
      reviewed_by: input.operator_id,
    }))
  )
  when("supplier-listing-approve-product", { prepared }, ({ prepared }) => !!prepared.product).then(() => {
    updateProductsWorkflow.runAsStep({ input: transform({ prepared }, ({ prepared }) => ({ products: [prepared.product!] })) })
  })
  when("supplier-listing-approve-prices", { prepared }, ({ prepared }) => prepared.prices.length > 0).then(() => {
    updateProductVariantsWorkflow.runAsStep({ input: transform({ prepared }, ({ prepared }) => ({ product_variants: prepared.prices })) })
  })
  recordAuditStep(
    transform({ input, prepared }, ({ input, prepared }) => ({
      supplier_id: prepared.supplier.id,
      actor_type: "operator" as const,
      actor_id: input.operator_id,
      action: `listing-${input.decision}`,
      subject_type: "listing_change",
      subject_id: input.change_id,
      data: { product_id: prepared.change.product_id, kind: prepared.change.kind, note: input.note ?? null, product_title: prepared.product_title },
    }))
  )
  notifyListingDecisionStep(
    transform({ input, prepared }, ({ input, prepared }) => ({
      members: prepared.members,
      supplier_id: prepared.supplier.id,
      company_name: prepared.supplier.company_name,
      change: prepared.change,
      product_title: prepared.product_title,
      decision: input.decision,
      note: input.note?.trim() || null,
    }))
  )
  return new WorkflowResponse(decided)
})
