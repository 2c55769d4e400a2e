import { model } from "@medusajs/framework/utils"
import { Agency } from "./agency"

/**
 * A person working for an agency: the `agency` auth actor. Their emailpass identity carries
 * `app_metadata.agency_id` = this record's id, so `auth_context.actor_id` names them.
 */
export const AgencyUser = model.define("agency_user", {
  id: model.id({ prefix: "agusr" }).primaryKey(),
  email: model.text().unique(),
  name: model.text().nullable(),
  agency: model.belongsTo(() => Agency, { mappedBy: "users" }),
})
