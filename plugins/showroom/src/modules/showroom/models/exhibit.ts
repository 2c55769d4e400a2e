import { model } from "@medusajs/framework/utils"
import { Zone } from "./zone"
import { RfidTag } from "./rfid-tag"

/** Exhibit (展品): one product variant on display at a zone, carrying one or more RFID tags. */
export const Exhibit = model
  .define("showroom_exhibit", {
    id: model.id({ prefix: "xexh" }).primaryKey(),
    product_id: model.text(),
    variant_id: model.text(),
    // Where it stands, e.g. "A-03" (展台); printed on its label.
    plinth: model.text().nullable(),
    // The reader antenna under its plinth, e.g. "reader-a:1"; kiosks watching it show the exhibit.
    antenna: model.text().nullable(),
    rank: model.number().default(0),
    status: model.enum(["on_display", "withdrawn"]).default("on_display"),
    zone: model.belongsTo(() => Zone, { mappedBy: "exhibits" }),
    tags: model.hasMany(() => RfidTag, { mappedBy: "exhibit" }),
  })
  .indexes([{ on: ["product_id"] }, { on: ["status"] }])
