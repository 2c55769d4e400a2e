import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import ComparisonModule from "../modules/comparison"

/** price_comparison ↔ the order placed from it, one to one (set when the order is placed). */
export default defineLink(ComparisonModule.linkable.priceComparison, OrderModule.linkable.order)
