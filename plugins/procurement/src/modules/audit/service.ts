import { MedusaService } from "@medusajs/framework/utils"
import { AuditEntry } from "./models/audit-entry"

/** Append-only store of procurement state changes; entries are written by `recordAuditStep`. */
export default class ProcurementAuditModuleService extends MedusaService({ AuditEntry }) {}
