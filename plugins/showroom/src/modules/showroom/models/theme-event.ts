import { model } from "@medusajs/framework/utils"
import { Theme } from "./theme"
import { EventSignup } from "./event-signup"

/** Public event of a theme (主题活动): a talk, demo or open day visitors sign up for. */
export const ThemeEvent = model.define("showroom_theme_event", {
  id: model.id({ prefix: "xevt" }).primaryKey(),
  title: model.text().searchable(),
  title_en: model.text().nullable(),
  description: model.text().nullable(),
  location: model.text().nullable(),
  starts_at: model.dateTime(),
  ends_at: model.dateTime(),
  capacity: model.number(),
  signup_closes_at: model.dateTime().nullable(),
  theme: model.belongsTo(() => Theme, { mappedBy: "events" }),
  signups: model.hasMany(() => EventSignup, { mappedBy: "event" }),
})
