import { defineMiddlewares, errorHandler } from "@medusajs/framework/http"
import { clientDataErrorHandler } from "./utils/client-data-errors"
import { inputGuard } from "./utils/input-guard"

export default defineMiddlewares({
  errorHandler: clientDataErrorHandler(errorHandler()),
  routes: [
    // No method: Medusa files this as a global middleware, registered before every route.
    { matcher: "/*", middlewares: [inputGuard] },
  ],
})
