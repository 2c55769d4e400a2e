import type { MedusaContainer } from "@medusajs/framework/types"
import { ORGANIZATION_MODULE } from "../modules/organization"
import type OrganizationModuleService from "../modules/organization/service"

/** The organization module's service, for steps and read routes. */
export const organizations = (container: MedusaContainer) => container.resolve<OrganizationModuleService>(ORGANIZATION_MODULE)
