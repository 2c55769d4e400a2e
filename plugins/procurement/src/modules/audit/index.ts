import { Module } from "@medusajs/framework/utils"
import ProcurementAuditModuleService from "./service"

export const PROCUREMENT_AUDIT_MODULE = "procurementAudit"

export default Module(PROCUREMENT_AUDIT_MODULE, {
  service: ProcurementAuditModuleService,
})
