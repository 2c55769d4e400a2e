import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import SupplierModule from "../modules/supplier"

/** supplier ↔ orders holding its products (a cart may span several suppliers). */
export default defineLink({ linkable: SupplierModule.linkable.supplier, isList: true }, { linkable: OrderModule.linkable.order, isList: true })
