import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import type { TagRequest } from "../lib/showroom-tags"
import { LOCK_TIMEOUT, LOCK_TTL, TAGS_LOCK } from "./locks"
import {
  createExhibitStep,
  createTagsStep,
  requireExhibitOnDisplayStep,
  resolveTagsStep,
  retireTagsStep,
  updateExhibitStep,
  validateExhibitTargetStep,
  withdrawExhibitStep,
  type ExhibitData,
} from "./steps"

export interface CreateExhibitWorkflowInput extends ExhibitData {
  tags?: TagRequest[]
}

/**
 * 上展: check zone / product / variant → (tag lock) resolve tags → exhibit → its tags. A failure
 * deletes what was made (a taken EPC leaves no exhibit behind).
 */
export const createExhibitWorkflow = createWorkflow("showroom-create-exhibit", (input: CreateExhibitWorkflowInput) => {
  validateExhibitTargetStep(transform({ input }, ({ input }) => ({ zone_id: input.zone_id, product_id: input.product_id, variant_id: input.variant_id })))
  acquireLockStep({ key: TAGS_LOCK, timeout: LOCK_TIMEOUT, ttl: LOCK_TTL })
  const tags = resolveTagsStep(transform({ input }, ({ input }) => ({ tags: input.tags ?? [] })))
  const exhibit = createExhibitStep(
    transform({ input }, ({ input }) => ({
      zone_id: input.zone_id,
      product_id: input.product_id,
      variant_id: input.variant_id,
      plinth: input.plinth ?? null,
      antenna: input.antenna ?? null,
      rank: input.rank ?? 0,
    }))
  )
  const created = createTagsStep(transform({ exhibit, tags }, ({ exhibit, tags }) => ({ exhibit_id: exhibit.id, tags })))
  releaseLockStep({ key: TAGS_LOCK })
  return new WorkflowResponse({ exhibit, tags: created })
})

/** Changes an exhibit (zone, product / variant checked as on creation). */
export const updateExhibitWorkflow = createWorkflow("showroom-update-exhibit", (input: { id: string; data: Partial<ExhibitData> }) => {
  validateExhibitTargetStep(transform({ input }, ({ input }) => ({ exhibit_id: input.id, ...input.data })))
  const exhibit = updateExhibitStep(input)
  return new WorkflowResponse(exhibit)
})

/** Adds tags to an exhibit on display (tag lock; EPC taken → 409). */
export const addExhibitTagsWorkflow = createWorkflow("showroom-add-exhibit-tags", (input: { exhibit_id: string; tags: TagRequest[] }) => {
  requireExhibitOnDisplayStep(transform({ input }, ({ input }) => ({ id: input.exhibit_id })))
  acquireLockStep({ key: TAGS_LOCK, timeout: LOCK_TIMEOUT, ttl: LOCK_TTL })
  const tags = resolveTagsStep(transform({ input }, ({ input }) => ({ tags: input.tags })))
  const created = createTagsStep(transform({ input, tags }, ({ input, tags }) => ({ exhibit_id: input.exhibit_id, tags })))
  releaseLockStep({ key: TAGS_LOCK })
  return new WorkflowResponse(created)
})

/** 撤展: the exhibit is withdrawn and its tags retired; a failure puts both back. */
export const withdrawExhibitWorkflow = createWorkflow("showroom-withdraw-exhibit", (input: { id: string }) => {
  const exhibit = withdrawExhibitStep(input)
  const retired = retireTagsStep(transform({ input }, ({ input }) => ({ exhibit_id: input.id })))
  return new WorkflowResponse({ exhibit, retired_tag_ids: retired })
})

/** Retires one tag. */
export const retireTagWorkflow = createWorkflow("showroom-retire-tag", (input: { id: string }) => {
  const retired = retireTagsStep(transform({ input }, ({ input }) => ({ tag_ids: [input.id] })))
  return new WorkflowResponse(retired)
})
