import { model } from "@medusajs/framework/utils"
import { ORGANIZATION_STATUSES, ORGANIZATION_TYPES } from "../../../lib/organization-rules"
import { OrganizationInvitation } from "./organization-invitation"
import { OrganizationMember } from "./organization-member"

/**
 * Organization (采购单位): a buyer organisation whose members (customers) order for it — a
 * government unit, public institution, state-owned enterprise, association, company or a
 * private person. Budgets are in CNY (yuan) for one year.
 */
export const Organization = model
  .define("organization", {
    id: model.id({ prefix: "org" }).primaryKey(),
    name: model.text().searchable(),
    type: model.enum([...ORGANIZATION_TYPES]),
    // 统一社会信用代码, checked (GB 32100) and unique; none for a private person.
    credit_code: model.text().nullable(),
    status: model.enum([...ORGANIZATION_STATUSES]).default("active"),
    annual_budget: model.bigNumber().nullable(),
    budget_year: model.number().nullable(),
    members: model.hasMany(() => OrganizationMember, { mappedBy: "organization" }),
    invitations: model.hasMany(() => OrganizationInvitation, { mappedBy: "organization" }),
  })
  .indexes([
    { on: ["credit_code"], unique: true, where: "credit_code IS NOT NULL AND deleted_at IS NULL" },
    { on: ["type"] },
    { on: ["status"] },
  ])
