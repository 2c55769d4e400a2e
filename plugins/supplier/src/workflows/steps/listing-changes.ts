import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ListingSnapshot } from "../../lib/listing"
import { SUPPLIER_MODULE } from "../../modules/supplier"
import type SupplierModuleService from "../../modules/supplier/service"
import type { AuditInput } from "./audit"

/** Listing-change records (待审核变更) and bulk audit entries, each step undone if the workflow fails later. */

export interface NewListingChange {
  supplier_id: string
  product_id: string
  kind: "create" | "update"
  proposed: ListingSnapshot
  previous: ListingSnapshot | null
}

const service = (container: { resolve: <T>(key: string) => T }) => container.resolve<SupplierModuleService>(SUPPLIER_MODULE)

export const createListingChangesStep = createStep(
  "supplier-create-listing-changes",
  async (changes: NewListingChange[], { container }) => {
    if (!changes.length) return new StepResponse([], [])
    const created = await service(container).createListingChanges(
      changes.map((c) => ({ ...c, status: "pending" as const, proposed: c.proposed as Record<string, unknown>, previous: (c.previous ?? null) as Record<string, unknown> | null }))
    )
    return new StepResponse(created, created.map((c) => c.id))
  },
  async (ids, { container }) => {
    if (ids?.length) await service(container).deleteListingChanges(ids)
  }
)

export interface ListingChangeUpdate {
  id: string
  status?: "pending" | "approved" | "rejected" | "changes_requested"
  proposed?: ListingSnapshot
  previous?: ListingSnapshot | null
  review_note?: string | null
  reviewed_at?: Date | null
  reviewed_by?: string | null
}

const RESTORABLE = ["status", "proposed", "previous", "review_note", "reviewed_at", "reviewed_by"] as const

export const updateListingChangeStep = createStep(
  "supplier-update-listing-change",
  async (update: ListingChangeUpdate, { container }) => {
    const before = await service(container).retrieveListingChange(update.id)
    const updated = await service(container).updateListingChanges(update as any)
    const restore = Object.fromEntries(RESTORABLE.filter((k) => k in update).map((k) => [k, (before as Record<string, unknown>)[k] ?? null]))
    return new StepResponse(updated, { id: update.id, ...restore })
  },
  async (restore, { container }) => {
    if (restore) await service(container).updateListingChanges(restore as any)
  }
)

/** Soft-deletes changes (a withdrawn edit, or the changes of a deleted listing); restored on failure. */
export const deleteListingChangesStep = createStep(
  "supplier-delete-listing-changes",
  async (ids: string[], { container }) => {
    if (!ids.length) return new StepResponse([], [])
    await service(container).softDeleteListingChanges(ids)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (ids?.length) await service(container).restoreListingChanges(ids)
  }
)

/** Several audit entries at once (one per listing of an import chunk). */
export const recordAuditEntriesStep = createStep(
  "supplier-record-audit-entries",
  async (entries: AuditInput[], { container }) => {
    if (!entries.length) return new StepResponse([], [])
    const created = await service(container).createSupplierAuditEntries(
      entries.map((e) => ({ ...e, actor_id: e.actor_id ?? null, subject_id: e.subject_id ?? null, data: e.data ?? null }))
    )
    return new StepResponse(created, created.map((e) => e.id))
  },
  async (ids, { container }) => {
    if (ids?.length) await service(container).deleteSupplierAuditEntries(ids)
  }
)
