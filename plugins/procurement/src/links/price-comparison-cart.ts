import { defineLink } from "@medusajs/framework/utils"
import CartModule from "@medusajs/medusa/cart"
import ComparisonModule from "../modules/comparison"

/** price_comparison → the carts made from it (`POST /store/comparisons/:id/order`), one to many. */
export default defineLink(ComparisonModule.linkable.priceComparison, { linkable: CartModule.linkable.cart, isList: true })
