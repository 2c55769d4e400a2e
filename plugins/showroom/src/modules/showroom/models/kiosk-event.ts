import { model } from "@medusajs/framework/utils"

/**
 * What a kiosk's agent reported (lift 拿起 / replace 放回), stored once per client event id so a
 * replayed offline queue never counts twice. exhibit_id / product_id are resolved on arrival.
 */
export const KioskEvent = model
  .define("showroom_kiosk_event", {
    id: model.id({ prefix: "xkev" }).primaryKey(),
    event_id: model.text(),
    kiosk_id: model.text(),
    centre_id: model.text(),
    type: model.enum(["lift", "replace"]),
    epc: model.text(),
    antenna: model.text().nullable(),
    exhibit_id: model.text().nullable(),
    product_id: model.text().nullable(),
    occurred_at: model.dateTime(),
    received_at: model.dateTime(),
    // For a replace: how long the exhibit was in the visitor's hands.
    dwell_ms: model.number().nullable(),
  })
  .indexes([
    { on: ["event_id"], unique: true },
    { on: ["exhibit_id", "occurred_at"] },
    { on: ["kiosk_id", "occurred_at"] },
  ])
