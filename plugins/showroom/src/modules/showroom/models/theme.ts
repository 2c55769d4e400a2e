import { model } from "@medusajs/framework/utils"
import { Centre } from "./centre"
import { ThemeEvent } from "./theme-event"

/**
 * Monthly theme (一月一主题): what the centre and its kiosks feature for a date range. Dates are
 * calendar days in Asia/Shanghai, inclusive. hero_media: [{ url, kind: "image" | "video", alt }].
 */
export const Theme = model
  .define("showroom_theme", {
    id: model.id({ prefix: "xthm" }).primaryKey(),
    title: model.text().searchable(),
    title_en: model.text().nullable(),
    story: model.text().nullable(),
    story_en: model.text().nullable(),
    hero_media: model.json().default({ items: [] }),
    starts_on: model.dateTime(),
    ends_on: model.dateTime(),
    featured_product_ids: model.json().default({ ids: [] }),
    featured_exhibit_ids: model.json().default({ ids: [] }),
    status: model.enum(["draft", "published"]).default("draft"),
    centre: model.belongsTo(() => Centre, { mappedBy: "themes" }),
    events: model.hasMany(() => ThemeEvent, { mappedBy: "theme" }),
  })
  .indexes([{ on: ["centre_id", "starts_on"] }])
