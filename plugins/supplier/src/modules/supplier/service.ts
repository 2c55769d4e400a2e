import { MedusaService } from "@medusajs/framework/utils"
import { SupplierAuditEntry } from "./models/audit-entry"
import { ListingChange } from "./models/listing-change"
import { Supplier } from "./models/supplier"
import { SupplierInvitation } from "./models/supplier-invitation"
import { SupplierMember } from "./models/supplier-member"

/** CRUD for supplier records; rules (admission, review, the tenant wall) live in workflows and routes. */
export default class SupplierModuleService extends MedusaService({
  Supplier,
  SupplierMember,
  SupplierInvitation,
  ListingChange,
  SupplierAuditEntry,
}) {}
