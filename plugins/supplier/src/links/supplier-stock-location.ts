import { defineLink } from "@medusajs/framework/utils"
import StockLocationModule from "@medusajs/medusa/stock-location"
import SupplierModule from "../modules/supplier"

/**
 * supplier ↔ the warehouses it ships from, many to many: `supplier.stock_locations`,
 * `stock_location.suppliers`. A supplier may run several warehouses, and the platform's own
 * warehouse (the seeded "Central warehouse", 公物仓) holds the stock of many suppliers.
 */
export default defineLink(
  { linkable: SupplierModule.linkable.supplier, isList: true },
  { linkable: StockLocationModule.linkable.stockLocation, isList: true }
)
