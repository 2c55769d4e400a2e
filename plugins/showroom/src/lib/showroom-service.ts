import type { MedusaContainer } from "@medusajs/framework/types"
import { SHOWROOM_MODULE } from "../modules/showroom"
import type ShowroomModuleService from "../modules/showroom/service"

/** The showroom module's service, for steps, subscribers and read routes. */
export const showroom = (container: MedusaContainer | { resolve: MedusaContainer["resolve"] }) =>
  container.resolve<ShowroomModuleService>(SHOWROOM_MODULE)
