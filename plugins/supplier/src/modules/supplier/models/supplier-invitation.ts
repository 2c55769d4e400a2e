import { model } from "@medusajs/framework/utils"
import { Supplier } from "./supplier"

/** An owner's invitation for a colleague to join as a member; accepted once, before it expires. */
export const SupplierInvitation = model.define("supplier_invitation", {
  id: model.id({ prefix: "supinv" }).primaryKey(),
  email: model.text(),
  role: model.enum(["owner", "staff"]).default("staff"),
  token: model.text().unique(),
  expires_at: model.dateTime(),
  accepted_at: model.dateTime().nullable(),
  supplier: model.belongsTo(() => Supplier, { mappedBy: "invitations" }),
})
