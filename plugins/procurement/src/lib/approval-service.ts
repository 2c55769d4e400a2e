import type { MedusaContainer } from "@medusajs/framework/types"
import { APPROVAL_MODULE } from "../modules/approval"
import type ApprovalModuleService from "../modules/approval/service"

/** The approval module's service, for steps and read routes. */
export const approvals = (container: MedusaContainer) => container.resolve<ApprovalModuleService>(APPROVAL_MODULE)
