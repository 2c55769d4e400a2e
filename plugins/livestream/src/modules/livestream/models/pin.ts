import { model } from "@medusajs/framework/utils"
import { LiveSession } from "./live-session"

/**
 * Pin (讲解中/置顶商品): one lineup item shown to viewers from pinned_at until unpinned_at. The
 * rows of a session are its pin timeline; at most one is open (unpinned_at null) at a time.
 */
export const Pin = model
  .define("live_pin", {
    id: model.id({ prefix: "lpin" }).primaryKey(),
    lineup_item_id: model.text(),
    pinned_at: model.dateTime(),
    unpinned_at: model.dateTime().nullable(),
    session: model.belongsTo(() => LiveSession, { mappedBy: "pins" }),
  })
  .indexes([
    { on: ["session_id", "pinned_at"] },
    { name: "IDX_live_pin_one_open_per_session", on: ["session_id"], unique: true, where: "unpinned_at IS NULL AND deleted_at IS NULL" },
  ])
