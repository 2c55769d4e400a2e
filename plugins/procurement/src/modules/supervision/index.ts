import { Module } from "@medusajs/framework/utils"
import SupervisionModuleService from "./service"

export const SUPERVISION_MODULE = "supervision"

export default Module(SUPERVISION_MODULE, {
  service: SupervisionModuleService,
})
