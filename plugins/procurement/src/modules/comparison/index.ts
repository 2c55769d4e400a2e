import { Module } from "@medusajs/framework/utils"
import ComparisonModuleService from "./service"

export const COMPARISON_MODULE = "comparison"

export default Module(COMPARISON_MODULE, {
  service: ComparisonModuleService,
})
