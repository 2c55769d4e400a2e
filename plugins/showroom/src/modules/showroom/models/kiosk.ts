import { model } from "@medusajs/framework/utils"
import { Centre } from "./centre"
import { Zone } from "./zone"

/**
 * Kiosk device (触摸屏): authenticates as itself with a secret key, never as a person. Only the
 * key's SHA-256 is kept (see lib/kiosk-key.ts); key_id is the public part used to find the row.
 */
export const Kiosk = model
  .define("showroom_kiosk", {
    id: model.id({ prefix: "xksk" }).primaryKey(),
    name: model.text().searchable(),
    // Reader antennas it watches, e.g. ["reader-a:1", "reader-a:2"]: lifts there open on this kiosk.
    antennas: model.json().default({ ids: [] }),
    key_id: model.text(),
    key_hash: model.text(),
    key_rotated_at: model.dateTime().nullable(),
    revoked_at: model.dateTime().nullable(),
    last_heartbeat_at: model.dateTime().nullable(),
    app_version: model.text().nullable(),
    agent_version: model.text().nullable(),
    centre: model.belongsTo(() => Centre, { mappedBy: "kiosks" }),
    zone: model.belongsTo(() => Zone, { mappedBy: "kiosks" }),
  })
  .indexes([{ on: ["key_id"], unique: true }])
