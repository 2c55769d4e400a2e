import { MedusaService } from "@medusajs/framework/utils"
import { OrderAcceptance } from "./models/order-acceptance"

/** CRUD for acceptance records; everything that touches orders goes through workflows and links. */
export default class OrderAcceptanceModuleService extends MedusaService({ OrderAcceptance }) {}
