import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { setAuthAppMetadataStep } from "@medusajs/medusa/core-flows"
import { checkCreditCode } from "../lib/credit-code"
import { SUPPLIER_MODULE } from "../modules/supplier"
import type SupplierModuleService from "../modules/supplier/service"
import { recordAuditStep } from "./steps/audit"

export interface RegisterSupplierInput {
  auth_identity_id: string
  member: { email: string; name: string }
  company: {
    company_name: string
    credit_code: string
    legal_representative: string
    contact_name: string
    contact_phone: string
    contact_email: string
    region: string
    categories_served: string[]
    qualification_documents: { name: string; url: string }[]
  }
}

const createSupplierStep = createStep(
  "supplier-create-registration",
  async (input: RegisterSupplierInput, { container }) => {
    const service = container.resolve<SupplierModuleService>(SUPPLIER_MODULE)
    const check = checkCreditCode(input.company.credit_code)
    if (check.status === "malformed") {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `统一社会信用代码格式错误：${check.reason} / Malformed unified social credit code`)
    }
    const [sameCode] = await service.listSuppliers({ credit_code: check.code }, { take: 1 })
    if (sameCode) throw new MedusaError(MedusaError.Types.INVALID_DATA, "该统一社会信用代码已注册 / A supplier with this credit code is already registered")
    const email = input.member.email.toLowerCase()
    const [sameEmail] = await service.listSupplierMembers({ email }, { take: 1 })
    if (sameEmail) throw new MedusaError(MedusaError.Types.INVALID_DATA, "该邮箱已是供应商成员 / This email already belongs to a supplier member")
    const count = await service.listAndCountSuppliers({}, { take: 1, withDeleted: true }).then(([, n]) => n)
    const supplier = await service.createSuppliers({
      ...input.company,
      code: `SUP-${String(count + 1).padStart(3, "0")}-${Date.now().toString(36).slice(-4).toUpperCase()}`,
      credit_code: check.code,
      credit_code_checksum_ok: check.status === "valid",
      categories_served: { handles: input.company.categories_served },
      qualification_documents: { documents: input.company.qualification_documents },
      status: "pending",
    })
    const member = await service.createSupplierMembers({ email, name: input.member.name, role: "owner", supplier_id: supplier.id })
    return new StepResponse({ supplier, member, checksum_ok: check.status === "valid" }, { supplier_id: supplier.id, member_id: member.id })
  },
  async (created, { container }) => {
    if (!created) return
    const service = container.resolve<SupplierModuleService>(SUPPLIER_MODULE)
    await service.deleteSupplierMembers(created.member_id)
    await service.deleteSuppliers(created.supplier_id)
  }
)

/**
 * Registration (注册): the company record (pending admission) and its owner member, tied to the
 * caller's auth identity so their next login carries the member id. A credit code failing its
 * check character is kept, flagged for the operator.
 */
export const registerSupplierWorkflow = createWorkflow("register-supplier", (input: RegisterSupplierInput) => {
  const created = createSupplierStep(input)
  setAuthAppMetadataStep(
    transform({ input, created }, ({ input, created }) => ({ authIdentityId: input.auth_identity_id, actorType: "supplier", value: created.member.id }))
  )
  recordAuditStep(
    transform({ created }, ({ created }) => ({
      supplier_id: created.supplier.id,
      actor_type: "supplier" as const,
      actor_id: created.member.id,
      action: "registered",
      subject_type: "supplier",
      subject_id: created.supplier.id,
      data: { credit_code_checksum_ok: created.checksum_ok },
    }))
  )
  return new WorkflowResponse(created)
})
