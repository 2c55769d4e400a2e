import { defineMiddlewares } from "@medusajs/framework/http"
import { storeCartInvoiceMiddlewares } from "./store/carts/middlewares"
import { storeOrderProgressMiddlewares } from "./store/orders/middlewares"

export default defineMiddlewares({
  routes: [...storeOrderProgressMiddlewares, ...storeCartInvoiceMiddlewares],
})
