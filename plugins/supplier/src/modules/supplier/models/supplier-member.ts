import { model } from "@medusajs/framework/utils"
import { Supplier } from "./supplier"

/** A person who signs in for a supplier (auth actor `supplier`); owners manage members. */
export const SupplierMember = model.define("supplier_member", {
  id: model.id({ prefix: "supmem" }).primaryKey(),
  email: model.text().unique(),
  name: model.text(),
  role: model.enum(["owner", "staff"]).default("staff"),
  supplier: model.belongsTo(() => Supplier, { mappedBy: "members" }),
})
