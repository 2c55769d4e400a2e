import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { ZhSearchProviderService } from "./service"

export default ModuleProvider(Modules.SEARCH, { services: [ZhSearchProviderService] })
