import { model } from "@medusajs/framework/utils"
import { SupplierMember } from "./supplier-member"
import { SupplierInvitation } from "./supplier-invitation"

/**
 * Supplier (供应商): a company admitted by the platform operator to list goods, rentals and
 * services. Only `approved` suppliers sell; `suspended` ones have their listings taken off
 * sale at once; `rejected` registrations stay for the record.
 */
export const Supplier = model
  .define("supplier", {
    id: model.id({ prefix: "sup" }).primaryKey(),
    // Stable short code (e.g. "SUP-001"), also what the seeded catalogue refers to.
    code: model.text().unique(),
    company_name: model.text().searchable(),
    credit_code: model.text().unique(), // 统一社会信用代码
    // False when the GB 32100 check character does not match (some early codes); the operator
    // must then confirm the code when admitting the supplier.
    credit_code_checksum_ok: model.boolean().default(true),
    credit_code_override: model.boolean().default(false),
    legal_representative: model.text(), // 法定代表人
    contact_name: model.text(),
    contact_phone: model.text(),
    contact_email: model.text(),
    region: model.text(), // e.g. 四川省成都市
    categories_served: model.json().nullable(), // { handles: string[] }
    qualification_documents: model.json().nullable(), // { documents: { name, url }[] }
    status: model.enum(["pending", "approved", "suspended", "rejected"]).default("pending"),
    review_note: model.text().nullable(),
    reviewed_at: model.dateTime().nullable(),
    reviewed_by: model.text().nullable(),
    members: model.hasMany(() => SupplierMember, { mappedBy: "supplier" }),
    invitations: model.hasMany(() => SupplierInvitation, { mappedBy: "supplier" }),
  })
  .indexes([{ on: ["status"] }])
