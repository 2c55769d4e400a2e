import { MedusaService } from "@medusajs/framework/utils"
import { ApprovalRequest } from "./models/approval-request"

/** CRUD for approval requests; the rules live in src/lib/spending-rules.ts and the workflows. */
export default class ApprovalModuleService extends MedusaService({ ApprovalRequest }) {}
