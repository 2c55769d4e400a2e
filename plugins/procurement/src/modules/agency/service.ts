import { MedusaService } from "@medusajs/framework/utils"
import { Agency } from "./models/agency"
import { AgencyUser } from "./models/agency-user"

/** CRUD for tendering agencies and their users. */
export default class AgencyModuleService extends MedusaService({ Agency, AgencyUser }) {}
