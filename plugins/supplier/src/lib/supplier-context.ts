import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { SUPPLIER_MODULE } from "../modules/supplier"
import type SupplierModuleService from "../modules/supplier/service"

export interface SupplierContext {
  member: { id: string; email: string; name: string; role: "owner" | "staff" }
  supplier: { id: string; code: string; company_name: string; status: "pending" | "approved" | "suspended" | "rejected" }
}

export type SupplierRequest<Body = unknown> = AuthenticatedMedusaRequest<Body> & { supplierContext: SupplierContext }

/**
 * Resolves the signed-in member and their supplier once per request. Every `/supplier/*`
 * route reads the tenant from here, never from the URL or body, which is the tenant wall.
 */
export async function loadSupplierContext(req: AuthenticatedMedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const memberId = req.auth_context?.actor_id
  if (!memberId) return next(new MedusaError(MedusaError.Types.UNAUTHORIZED, "Unauthorized"))
  const service = req.scope.resolve<SupplierModuleService>(SUPPLIER_MODULE)
  const [member] = await service.listSupplierMembers({ id: memberId }, { relations: ["supplier"], take: 1 })
  if (!member?.supplier) return next(new MedusaError(MedusaError.Types.UNAUTHORIZED, "Unauthorized"))
  ;(req as SupplierRequest).supplierContext = {
    member: { id: member.id, email: member.email, name: member.name, role: member.role },
    supplier: { id: member.supplier.id, code: member.supplier.code, company_name: member.supplier.company_name, status: member.supplier.status },
  }
  next()
}

/** Listing and fulfilment need an admitted supplier; pending, rejected and suspended ones may only read. */
export function requireApprovedSupplier(req: AuthenticatedMedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const status = (req as SupplierRequest).supplierContext?.supplier.status
  if (status !== "approved") {
    return next(new MedusaError(MedusaError.Types.FORBIDDEN, `供应商状态为 ${status ?? "unknown"}，审核通过后才能操作 / Only approved suppliers can do this (status: ${status ?? "unknown"})`))
  }
  next()
}

export function supplierOf(req: AuthenticatedMedusaRequest): SupplierContext {
  const context = (req as SupplierRequest).supplierContext
  if (!context) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Unauthorized")
  return context
}
