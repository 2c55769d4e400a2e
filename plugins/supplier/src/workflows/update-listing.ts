import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteProductsWorkflow, updateProductsWorkflow, updateProductVariantsWorkflow } from "@medusajs/medusa/core-flows"
import type { ListingSnapshot } from "../lib/listing"
import { loadListingState } from "../lib/listing-state"
import { planListingUpdate, type ExistingChange, type ImageFields, type ListingUpdatePlan } from "../lib/listing-update"
import { SUPPLIER_MODULE } from "../modules/supplier"
import type SupplierModuleService from "../modules/supplier/service"
import { recordAuditStep } from "./steps/audit"
import { createListingChangesStep, deleteListingChangesStep, updateListingChangeStep } from "./steps/listing-changes"

export interface UpdateSupplierListingInput {
  supplier_id: string
  member_id: string
  product_id: string
  /** The validated edit: reviewed and immediate fields, specs already stored-shaped. */
  wanted: ListingSnapshot
  /** The resolved uploads when the edit sets `image_urls`. */
  images?: ImageFields | null
}

const planStep = createStep("supplier-plan-listing-update", async (input: UpdateSupplierListingInput, { container }) => {
  const state = await loadListingState(container, input.product_id)
  const changes = await container.resolve<SupplierModuleService>(SUPPLIER_MODULE).listListingChanges({ product_id: input.product_id }, { order: { created_at: "DESC" } })
  return new StepResponse(planListingUpdate({ supplier_id: input.supplier_id, state, changes: changes as unknown as ExistingChange[], wanted: input.wanted, images: input.images }))
})

/**
 * A supplier's edit to one of its listings (see `planListingUpdate` for what goes to review and
 * what applies at once). Product, price and change writes are steps of one workflow, so a
 * failure undoes the others.
 */
export const updateSupplierListingWorkflow = createWorkflow("update-supplier-listing", (input: UpdateSupplierListingInput) => {
  const plan = planStep(input)
  when("supplier-listing-update-product", { plan }, ({ plan }) => !!plan.product).then(() => {
    updateProductsWorkflow.runAsStep({ input: transform({ plan }, ({ plan }) => ({ products: [plan.product!] })) })
  })
  when("supplier-listing-update-prices", { plan }, ({ plan }) => plan.prices.length > 0).then(() => {
    updateProductVariantsWorkflow.runAsStep({ input: transform({ plan }, ({ plan }) => ({ product_variants: plan.prices })) })
  })
  when("supplier-listing-new-change", { plan }, ({ plan }) => plan.change.action === "create").then(() => {
    createListingChangesStep(transform({ plan }, ({ plan }) => [(plan.change as Extract<ListingUpdatePlan["change"], { action: "create" }>).data]))
  })
  when("supplier-listing-revise-change", { plan }, ({ plan }) => plan.change.action === "update").then(() => {
    updateListingChangeStep(transform({ plan }, ({ plan }) => (plan.change as Extract<ListingUpdatePlan["change"], { action: "update" }>).data))
  })
  when("supplier-listing-withdraw-change", { plan }, ({ plan }) => plan.change.action === "delete").then(() => {
    deleteListingChangesStep(transform({ plan }, ({ plan }) => [(plan.change as Extract<ListingUpdatePlan["change"], { action: "delete" }>).id]))
  })
  recordAuditStep(
    transform({ input, plan }, ({ input, plan }) => ({
      supplier_id: input.supplier_id,
      actor_type: "supplier" as const,
      actor_id: input.member_id,
      action: "listing-updated",
      subject_type: "product",
      subject_id: input.product_id,
      data: { live: plan.live, applied: plan.applied, in_review: plan.in_review, change: plan.change.action },
    }))
  )
  return new WorkflowResponse(plan)
})

const listingChangeIdsStep = createStep("supplier-listing-change-ids", async (productId: string, { container }) => {
  const changes = await container.resolve<SupplierModuleService>(SUPPLIER_MODULE).listListingChanges({ product_id: productId }, { select: ["id"] })
  return new StepResponse(changes.map((c) => c.id))
})

/**
 * A supplier withdraws a listing: the product is soft-deleted by Medusa's workflow (its supplier
 * and sales-channel links go with it, so it leaves store and search) and its listing changes
 * leave the operator's inbox.
 */
export const deleteSupplierListingWorkflow = createWorkflow("delete-supplier-listing", (input: { supplier_id: string; member_id: string; product_id: string }) => {
  const changeIds = listingChangeIdsStep(input.product_id)
  deleteListingChangesStep(changeIds)
  deleteProductsWorkflow.runAsStep({ input: transform({ input }, ({ input }) => ({ ids: [input.product_id] })) })
  recordAuditStep(
    transform({ input, changeIds }, ({ input, changeIds }) => ({
      supplier_id: input.supplier_id,
      actor_type: "supplier" as const,
      actor_id: input.member_id,
      action: "listing-deleted",
      subject_type: "product",
      subject_id: input.product_id,
      data: { changes_withdrawn: changeIds.length },
    }))
  )
  return new WorkflowResponse({ id: input.product_id })
})
