import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { MeilisearchSearchProviderService } from "./service"

export { MeilisearchSearchProviderService } from "./service"
export type { MeilisearchProviderOptions } from "./types"

export default ModuleProvider(Modules.SEARCH, {
  services: [MeilisearchSearchProviderService],
})
