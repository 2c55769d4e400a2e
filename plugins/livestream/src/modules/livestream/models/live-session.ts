import { model } from "@medusajs/framework/utils"
import { LineupItem } from "./lineup-item"
import { Pin } from "./pin"

/**
 * Live session (直播场次): one stream of one host, on the platform's own page or an outside
 * platform (WeChat Channels 视频号, Douyin 抖音) whose stream URL it links to.
 * scheduled → live → ended.
 */
export const LiveSession = model
  .define("live_session", {
    id: model.id({ prefix: "lses" }).primaryKey(),
    host_id: model.text(),
    title: model.text().searchable(),
    cover_url: model.text().nullable(),
    stream_url: model.text().nullable(),
    embed_kind: model.enum(["platform", "wechat_channels", "douyin", "other"]).default("platform"),
    scheduled_start_at: model.dateTime(),
    scheduled_end_at: model.dateTime().nullable(),
    status: model.enum(["scheduled", "live", "ended"]).default("scheduled"),
    started_at: model.dateTime().nullable(),
    ended_at: model.dateTime().nullable(),
    // Orders completed this long after the session ended still count for it (归因窗口).
    attribution_window_hours: model.number().default(72),
    lineup: model.hasMany(() => LineupItem, { mappedBy: "session" }),
    pins: model.hasMany(() => Pin, { mappedBy: "session" }),
  })
  .indexes([{ on: ["host_id"] }, { on: ["status"] }])
