import { model } from "@medusajs/framework/utils"
import { Zone } from "./zone"
import { Theme } from "./theme"
import { Kiosk } from "./kiosk"

/** Experience centre (体验中心): a physical place that shows products listed online. */
export const Centre = model.define("showroom_centre", {
  id: model.id({ prefix: "xctr" }).primaryKey(),
  name: model.text().searchable(),
  name_en: model.text().nullable(),
  address: model.text().nullable(),
  city: model.text().nullable(),
  // Free text shown to visitors, e.g. "周一至周五 9:00–17:30".
  opening_hours: model.text().nullable(),
  zones: model.hasMany(() => Zone, { mappedBy: "centre" }),
  themes: model.hasMany(() => Theme, { mappedBy: "centre" }),
  kiosks: model.hasMany(() => Kiosk, { mappedBy: "centre" }),
})
