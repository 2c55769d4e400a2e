import { model } from "@medusajs/framework/utils"
import { Exhibit } from "./exhibit"

/**
 * RFID tag on an exhibit. `epc` is upper-case hex as readers report it: an SGTIN-96 encoded from
 * the product's GTIN, or any EPC / UID the reader sees (scheme "raw").
 */
export const RfidTag = model
  .define("showroom_rfid_tag", {
    id: model.id({ prefix: "xtag" }).primaryKey(),
    epc: model.text(),
    scheme: model.enum(["sgtin-96", "raw"]).default("raw"),
    gtin: model.text().nullable(),
    serial: model.text().nullable(),
    status: model.enum(["active", "retired"]).default("active"),
    exhibit: model.belongsTo(() => Exhibit, { mappedBy: "tags" }),
  })
  .indexes([{ on: ["epc"], unique: true, where: "deleted_at IS NULL" }])
