import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import SupplierModule from "../modules/supplier"

/**
 * supplier → its products (each product has one supplier): `supplier.products`, `product.supplier`.
 * `isList` goes on the side a supplier has many of; on the supplier side it would allow one
 * product per supplier and many suppliers per product.
 */
export default defineLink(SupplierModule.linkable.supplier, { linkable: ProductModule.linkable.product, isList: true })
