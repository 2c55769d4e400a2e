import type { MedusaContainer } from "@medusajs/framework/types"
import { LIVESTREAM_MODULE } from "../modules/livestream"
import type LivestreamModuleService from "../modules/livestream/service"

/** The livestream module's service, for steps and read routes. */
export const livestream = (container: MedusaContainer | { resolve: MedusaContainer["resolve"] }) =>
  container.resolve<LivestreamModuleService>(LIVESTREAM_MODULE)
