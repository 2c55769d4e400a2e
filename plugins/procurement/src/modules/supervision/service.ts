import { MedusaService } from "@medusajs/framework/utils"
import { Supervisor } from "./models/supervisor"

/** Supervisors (监管人员); created by the operator through `createSupervisorWorkflow`. */
export default class SupervisionModuleService extends MedusaService({ Supervisor }) {}
