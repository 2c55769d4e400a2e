import { defineMiddlewares } from "@medusajs/framework/http"
import { kioskMiddlewares } from "./kiosk/middlewares"

// The showroom plugin's middlewares. (Owned by helper backend-admin, who adds the admin/store
// lists; the kiosk list comes from ./kiosk/middlewares.)
export default defineMiddlewares({
  routes: [...kioskMiddlewares],
})
