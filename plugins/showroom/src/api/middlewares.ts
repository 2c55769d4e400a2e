import { defineMiddlewares } from "@medusajs/framework/http"
import { adminShowroomMiddlewares } from "./admin/showroom/middlewares"
import { kioskMiddlewares } from "./kiosk/middlewares"
import { storeShowroomMiddlewares } from "./store/showroom/middlewares"

export default defineMiddlewares({
  routes: [...adminShowroomMiddlewares, ...storeShowroomMiddlewares, ...kioskMiddlewares],
})
