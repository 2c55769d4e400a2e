import { model } from "@medusajs/framework/utils"
import { LIMIT_PERIODS, MEMBER_ROLES } from "../../../lib/organization-rules"
import { Organization } from "./organization"

/**
 * A customer who buys for an organisation, with a role and spending limits in CNY (yuan; null =
 * no limit). `customer_id` is unique: a customer belongs to one organisation at most, enforced by
 * the database even when two requests race. The customer itself is reached through the
 * organization_member ↔ customer link (src/links).
 */
export const OrganizationMember = model.define("organization_member", {
  id: model.id({ prefix: "orgmem" }).primaryKey(),
  customer_id: model.text().unique(),
  role: model.enum([...MEMBER_ROLES]).default("purchaser"),
  limit_per_order: model.bigNumber().nullable(),
  limit_per_period: model.bigNumber().nullable(),
  limit_period: model.enum([...LIMIT_PERIODS]).nullable(),
  organization: model.belongsTo(() => Organization, { mappedBy: "members" }),
})
