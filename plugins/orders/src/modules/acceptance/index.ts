import { Module } from "@medusajs/framework/utils"
import OrderAcceptanceModuleService from "./service"

export const ACCEPTANCE_MODULE = "acceptance"

export default Module(ACCEPTANCE_MODULE, {
  service: OrderAcceptanceModuleService,
})
