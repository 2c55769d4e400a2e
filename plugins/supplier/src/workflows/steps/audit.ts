import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SUPPLIER_MODULE } from "../../modules/supplier"
import type SupplierModuleService from "../../modules/supplier/service"

export interface AuditInput {
  supplier_id: string
  actor_type: "supplier" | "operator" | "system"
  actor_id?: string | null
  action: string
  subject_type: string
  subject_id?: string | null
  data?: Record<string, unknown> | null
}

/** Appends to the supplier's audit log (审计日志); undone if the workflow fails later. */
export const recordAuditStep = createStep("supplier-record-audit", async (input: AuditInput, { container }) => {
  const service = container.resolve<SupplierModuleService>(SUPPLIER_MODULE)
  const entry = await service.createSupplierAuditEntries({ ...input, actor_id: input.actor_id ?? null, subject_id: input.subject_id ?? null, data: input.data ?? null })
  return new StepResponse(entry, entry.id)
}, async (id, { container }) => {
  if (!id) return
  await container.resolve<SupplierModuleService>(SUPPLIER_MODULE).deleteSupplierAuditEntries(id)
})
