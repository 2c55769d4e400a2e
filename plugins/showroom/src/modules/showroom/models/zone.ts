import { model } from "@medusajs/framework/utils"
import { Centre } from "./centre"
import { Exhibit } from "./exhibit"
import { Kiosk } from "./kiosk"

/** Zone (展区): an area of a centre with its exhibits and kiosks. */
export const Zone = model
  .define("showroom_zone", {
    id: model.id({ prefix: "xzon" }).primaryKey(),
    // Short code printed on signs and labels, e.g. "A"; unique within a centre.
    code: model.text(),
    name: model.text().searchable(),
    name_en: model.text().nullable(),
    description: model.text().nullable(),
    rank: model.number().default(0),
    centre: model.belongsTo(() => Centre, { mappedBy: "zones" }),
    exhibits: model.hasMany(() => Exhibit, { mappedBy: "zone" }),
    kiosks: model.hasMany(() => Kiosk, { mappedBy: "zone" }),
  })
  .indexes([{ on: ["centre_id", "code"], unique: true, where: "deleted_at IS NULL" }])
