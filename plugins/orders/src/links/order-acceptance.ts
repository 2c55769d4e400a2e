import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import AcceptanceModule from "../modules/acceptance"

/** order ↔ order_acceptance (one to one): query an order with `order_acceptance.*`. */
export default defineLink(OrderModule.linkable.order, AcceptanceModule.linkable.orderAcceptance)
