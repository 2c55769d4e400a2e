import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import ShowroomModule from "../modules/showroom"

/**
 * showroom_order_attribution ↔ order, one to one: `order.showroom_order_attribution` tells the
 * operator an order came through a kiosk QR scan. Created when the order is placed.
 */
export default defineLink(ShowroomModule.linkable.showroomOrderAttribution, OrderModule.linkable.order)
