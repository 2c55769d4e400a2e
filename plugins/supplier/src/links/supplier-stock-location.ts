import { defineLink } from "@medusajs/framework/utils"
import StockLocationModule from "@medusajs/medusa/stock-location"
import SupplierModule from "../modules/supplier"

/** supplier → the warehouses it ships from (its stock is kept per location). */
export default defineLink({ linkable: SupplierModule.linkable.supplier, isList: true }, StockLocationModule.linkable.stockLocation)
