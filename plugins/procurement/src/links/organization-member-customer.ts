import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import OrganizationModule from "../modules/organization"

/**
 * organization_member ↔ customer, one to one: `organization_member.customer` (name and email in
 * member lists) and `customer.organization_member`. Created with the member, in the same workflow.
 */
export default defineLink(OrganizationModule.linkable.organizationMember, CustomerModule.linkable.customer)
