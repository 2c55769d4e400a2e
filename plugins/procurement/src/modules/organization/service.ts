import { MedusaService } from "@medusajs/framework/utils"
import { Organization } from "./models/organization"
import { OrganizationInvitation } from "./models/organization-invitation"
import { OrganizationMember } from "./models/organization-member"

/** CRUD for organisations, members and invitations; the rules live in workflows and routes. */
export default class OrganizationModuleService extends MedusaService({
  Organization,
  OrganizationMember,
  OrganizationInvitation,
}) {}
