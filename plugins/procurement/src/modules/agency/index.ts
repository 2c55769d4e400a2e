import { Module } from "@medusajs/framework/utils"
import AgencyModuleService from "./service"

export const AGENCY_MODULE = "agency"

export default Module(AGENCY_MODULE, {
  service: AgencyModuleService,
})
