import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import SupplierModule from "../modules/supplier"

/** supplier → its products (each product has one supplier). */
export default defineLink({ linkable: SupplierModule.linkable.supplier, isList: true }, ProductModule.linkable.product)
