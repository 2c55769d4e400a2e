import { model } from "@medusajs/framework/utils"

/** Who did what to a supplier's records, for the operator and the supplier (审计日志). */
export const SupplierAuditEntry = model
  .define("supplier_audit_entry", {
    id: model.id({ prefix: "saud" }).primaryKey(),
    supplier_id: model.text(),
    actor_type: model.enum(["supplier", "operator", "system"]),
    actor_id: model.text().nullable(),
    action: model.text(),
    subject_type: model.text(),
    subject_id: model.text().nullable(),
    data: model.json().nullable(),
  })
  .indexes([{ on: ["supplier_id"] }])
