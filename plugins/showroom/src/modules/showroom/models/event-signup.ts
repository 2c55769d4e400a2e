import { model } from "@medusajs/framework/utils"
import { ThemeEvent } from "./theme-event"

/** Sign-up (报名) for a theme event; one per phone number per event. */
export const EventSignup = model
  .define("showroom_event_signup", {
    id: model.id({ prefix: "xsgn" }).primaryKey(),
    name: model.text(),
    phone: model.text(),
    email: model.text().nullable(),
    organization_name: model.text().nullable(),
    party_size: model.number().default(1),
    status: model.enum(["confirmed", "cancelled"]).default("confirmed"),
    customer_id: model.text().nullable(),
    event: model.belongsTo(() => ThemeEvent, { mappedBy: "signups" }),
  })
  .indexes([{ on: ["event_id", "phone"], unique: true, where: "deleted_at IS NULL AND status = 'confirmed'" }])
