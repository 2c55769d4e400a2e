import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateProductsWorkflow } from "@medusajs/medusa/core-flows"
import { SUPPLIER_MODULE } from "../modules/supplier"
import type SupplierModuleService from "../modules/supplier/service"
import { recordAuditStep } from "./steps/audit"

export type SupplierDecision = "approve" | "reject" | "suspend" | "reinstate"

export interface ReviewSupplierInput {
  supplier_id: string
  decision: SupplierDecision
  note?: string | null
  /** The operator has checked a credit code whose check character does not match. */
  confirm_credit_code?: boolean
  operator_id: string
}

const NEXT_STATUS: Record<SupplierDecision, { from: string[]; to: "approved" | "rejected" | "suspended" }> = {
  approve: { from: ["pending"], to: "approved" },
  reject: { from: ["pending"], to: "rejected" },
  suspend: { from: ["approved"], to: "suspended" },
  reinstate: { from: ["suspended"], to: "approved" },
}

const SUSPENDED_FROM = "suspended_from_status"

const decideStep = createStep("supplier-decide", async (input: ReviewSupplierInput, { container }) => {
  const service = container.resolve<SupplierModuleService>(SUPPLIER_MODULE)
  const supplier = await service.retrieveSupplier(input.supplier_id, { relations: ["members"] })
  const rule = NEXT_STATUS[input.decision]
  if (!rule.from.includes(supplier.status)) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `供应商状态为 ${supplier.status}，不能执行 ${input.decision} / A ${supplier.status} supplier cannot be given "${input.decision}"`)
  }
  if ((input.decision === "reject" || input.decision === "suspend") && !input.note?.trim()) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "请填写原因 / A reason is required")
  }
  if (input.decision === "approve" && !supplier.credit_code_checksum_ok && !input.confirm_credit_code) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "统一社会信用代码校验位不符，请核实后勾选确认 / The credit code's check character does not match: confirm it (confirm_credit_code) after checking it"
    )
  }
  const previous = { status: supplier.status, review_note: supplier.review_note, reviewed_at: supplier.reviewed_at, reviewed_by: supplier.reviewed_by, credit_code_override: supplier.credit_code_override }
  const updated = await service.updateSuppliers({
    id: supplier.id,
    status: rule.to,
    review_note: input.note?.trim() || null,
    reviewed_at: new Date(),
    reviewed_by: input.operator_id,
    ...(input.decision === "approve" && !supplier.credit_code_checksum_ok ? { credit_code_override: true } : {}),
  })
  return new StepResponse({ supplier: updated, members: supplier.members.map((m) => ({ email: m.email, name: m.name })) }, { id: supplier.id, previous })
}, async (undo, { container }) => {
  if (!undo) return
  await container.resolve<SupplierModuleService>(SUPPLIER_MODULE).updateSuppliers({ id: undo.id, ...undo.previous } as any)
})

/** The supplier's products and what suspension should do to each. */
const productChangesStep = createStep("supplier-products-for-decision", async (input: { supplier_id: string; decision: SupplierDecision }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "supplier", fields: ["products.id", "products.status", "products.metadata"], filters: { id: input.supplier_id } })
  const products = ((data[0]?.products ?? []) as { id: string; status: string; metadata: Record<string, unknown> | null }[]).filter(Boolean)
  if (input.decision === "suspend") {
    // Off sale and out of search at once; the status each had comes back on reinstatement.
    return new StepResponse(
      products.filter((p) => p.status !== "draft" || !p.metadata?.[SUSPENDED_FROM]).map((p) => ({ id: p.id, status: "draft" as const, metadata: { ...(p.metadata ?? {}), [SUSPENDED_FROM]: p.status } }))
    )
  }
  if (input.decision === "reinstate") {
    return new StepResponse(
      products
        .filter((p) => typeof p.metadata?.[SUSPENDED_FROM] === "string")
        .map((p) => ({ id: p.id, status: p.metadata![SUSPENDED_FROM] as "published" | "draft" | "proposed" | "rejected", metadata: { ...(p.metadata ?? {}), [SUSPENDED_FROM]: null } }))
    )
  }
  return new StepResponse([] as { id: string; status: "draft" | "published" | "proposed" | "rejected"; metadata: Record<string, unknown> }[])
})

const notifyStep = createStep("supplier-notify-decision", async (input: { members: { email: string; name: string }[]; supplier: { id: string; company_name: string; status: string; review_note: string | null }; decision: SupplierDecision }, { container }) => {
  const notifications = container.resolve(Modules.NOTIFICATION)
  const created = await notifications.createNotifications(
    input.members.map((m) => ({
      to: m.email,
      channel: "feed",
      template: `supplier-${input.decision}`,
      data: { supplier_id: input.supplier.id, company_name: input.supplier.company_name, status: input.supplier.status, note: input.supplier.review_note, member_name: m.name },
      resource_id: input.supplier.id,
      resource_type: "supplier",
    }))
  )
  return new StepResponse(created.map((n) => n.id))
})

/**
 * Admission review (准入审核) and its consequences: approve, reject (with reason), suspend
 * (with reason: the supplier's products leave sale and search at once) and reinstate. Each
 * decision is logged and notified to the supplier's members.
 */
export const reviewSupplierWorkflow = createWorkflow("review-supplier", (input: ReviewSupplierInput) => {
  const decided = decideStep(input)
  const changes = productChangesStep(transform({ input }, ({ input }) => ({ supplier_id: input.supplier_id, decision: input.decision })))
  when({ changes }, ({ changes }) => changes.length > 0).then(() => {
    updateProductsWorkflow.runAsStep({ input: transform({ changes }, ({ changes }) => ({ products: changes })) })
  })
  recordAuditStep(
    transform({ input, changes }, ({ input, changes }) => ({
      supplier_id: input.supplier_id,
      actor_type: "operator" as const,
      actor_id: input.operator_id,
      action: input.decision,
      subject_type: "supplier",
      subject_id: input.supplier_id,
      data: { note: input.note ?? null, products_changed: changes.length, confirm_credit_code: !!input.confirm_credit_code },
    }))
  )
  notifyStep(transform({ decided, input }, ({ decided, input }) => ({ members: decided.members, supplier: decided.supplier, decision: input.decision })))
  return new WorkflowResponse(decided.supplier)
})
