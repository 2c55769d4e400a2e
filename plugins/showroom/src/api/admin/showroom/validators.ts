import { z } from "@medusajs/framework/zod"
import { isCalendarDay } from "../../../lib/showroom-dates"

const text = (field: string, max: number) =>
  z
    .string({ error: `${field} 须为文字 / ${field} must be text` })
    .trim()
    .min(1, `${field} 不能为空 / ${field} is required`)
    .max(max, `${field} 不超过 ${max} 个字 / ${field} is at most ${max} characters`)
const optionalText = (field: string, max: number) =>
  z
    .string({ error: `${field} 须为文字 / ${field} must be text` })
    .trim()
    .max(max, `${field} 不超过 ${max} 个字 / ${field} is at most ${max} characters`)
    .nullish()
    .transform((v) => (v ? v : null))
const id = (field: string) => z.string({ error: `${field} 必填 / ${field} is required` }).trim().min(1, `${field} 必填 / ${field} is required`).max(100)
const pageLimit = z.coerce.number({ error: "limit 应为数字 / limit is a number" }).int().min(1, "limit 至少为 1 / limit is at least 1").max(200, "limit 不超过 200 / limit is at most 200").default(50)
const pageOffset = z.coerce.number({ error: "offset 应为数字 / offset is a number" }).int().min(0, "offset 不能为负 / offset is not negative").default(0)
const rank = z.coerce.number({ error: "rank 应为数字 / rank is a number" }).int().min(0).max(10000)
const day = (field: string) =>
  z
    .string({ error: `${field} 须为日期 YYYY-MM-DD / ${field} must be a date YYYY-MM-DD` })
    .refine(isCalendarDay, `${field} 须为日期 YYYY-MM-DD / ${field} must be a date YYYY-MM-DD`)
const instant = (field: string) =>
  z
    .string({ error: `${field} 须为时间 / ${field} must be a date-time` })
    .refine((v) => /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v)), `${field} 须为 ISO 8601 时间 / ${field} must be an ISO 8601 date-time`)
    .transform((v) => new Date(v))

export const ListQuery = z.object({ limit: pageLimit, offset: pageOffset }).strict()

export const CreateCentre = z
  .object({
    name: text("name", 200),
    name_en: optionalText("name_en", 200),
    address: optionalText("address", 500),
    city: optionalText("city", 100),
    opening_hours: optionalText("opening_hours", 200),
  })
  .strict()
export type CreateCentreType = z.infer<typeof CreateCentre>
export const UpdateCentre = CreateCentre.partial().strict()
export type UpdateCentreType = z.infer<typeof UpdateCentre>

export const ListZones = z.object({ centre_id: id("centre_id").optional(), limit: pageLimit, offset: pageOffset }).strict()
export type ListZonesType = z.infer<typeof ListZones>
const zoneCode = z
  .string({ error: "code 必填 / code is required" })
  .trim()
  .regex(/^[A-Za-z0-9-]{1,10}$/, "code 为 1–10 位字母、数字或连字符 / code is 1–10 letters, digits or hyphens")
  .transform((v) => v.toUpperCase())
export const CreateZone = z
  .object({
    centre_id: id("centre_id"),
    code: zoneCode,
    name: text("name", 200),
    name_en: optionalText("name_en", 200),
    description: optionalText("description", 2000),
    rank: rank.optional(),
  })
  .strict()
export type CreateZoneType = z.infer<typeof CreateZone>
export const UpdateZone = CreateZone.omit({ centre_id: true }).partial().strict()
export type UpdateZoneType = z.infer<typeof UpdateZone>

export const TagInput = z.union(
  [
    z.object({ epc: z.string({ error: "epc 须为十六进制文字 / epc must be hex text" }).trim().min(1).max(80) }).strict(),
    z
      .object({
        gtin: z.string({ error: "gtin 须为数字文字 / gtin must be digits" }).trim().min(1).max(20),
        serial: z.coerce.number({ error: "serial 应为整数 / serial is an integer" }).int().min(0).max(274877906943).optional(),
      })
      .strict(),
  ],
  { error: "标签须给出 {epc} 或 {gtin, serial?} / a tag is {epc} or {gtin, serial?}" }
)
export type TagInputType = z.infer<typeof TagInput>

export const ListExhibits = z
  .object({
    zone_id: id("zone_id").optional(),
    centre_id: id("centre_id").optional(),
    status: z.enum(["on_display", "withdrawn"], { error: "status 须为 on_display 或 withdrawn / status is on_display or withdrawn" }).optional(),
    q: z.string().trim().max(100, "q 不超过 100 个字 / q is at most 100 characters").optional(),
    limit: pageLimit,
    offset: pageOffset,
  })
  .strict()
export type ListExhibitsType = z.infer<typeof ListExhibits>
const plinth = optionalText("plinth", 40)
const antenna = optionalText("antenna", 100)
export const CreateExhibit = z
  .object({
    zone_id: id("zone_id"),
    product_id: id("product_id"),
    variant_id: id("variant_id"),
    plinth,
    antenna,
    rank: rank.optional(),
    tags: z.array(TagInput).max(10, "每件展品最多 10 个标签 / at most 10 tags per exhibit").optional(),
  })
  .strict()
export type CreateExhibitType = z.infer<typeof CreateExhibit>
export const UpdateExhibit = z
  .object({ zone_id: id("zone_id"), product_id: id("product_id"), variant_id: id("variant_id"), plinth, antenna, rank })
  .partial()
  .strict()
export type UpdateExhibitType = z.infer<typeof UpdateExhibit>

const idList = (field: string) =>
  z
    .string()
    .trim()
    .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean))
    .refine((ids) => ids.length >= 1 && ids.length <= 200, `${field} 须为 1–200 个编号，逗号分隔 / ${field} is 1–200 comma-separated ids`)
export const LabelsQuery = z
  .object({ exhibit_ids: idList("exhibit_ids").optional(), zone_id: id("zone_id").optional() })
  .strict()
  .refine((q) => !!q.exhibit_ids !== !!q.zone_id, "请给出 exhibit_ids 或 zone_id 之一 / give exhibit_ids or zone_id (one of them)")
export type LabelsQueryType = z.infer<typeof LabelsQuery>

const heroMedia = z
  .object({
    url: z.string().trim().url("hero_media.url 须为网址 / hero_media.url must be a URL").max(2000),
    kind: z.enum(["image", "video"], { error: "kind 须为 image 或 video / kind is image or video" }).default("image"),
    alt: optionalText("alt", 300),
  })
  .strict()
const ids = (field: string, max: number) =>
  z.array(id(field), { error: `${field} 须为编号数组 / ${field} is a list of ids` }).max(max, `${field} 最多 ${max} 个 / at most ${max} ${field}`)
const themeFields = {
  title: text("title", 200),
  title_en: optionalText("title_en", 200),
  story: optionalText("story", 10000),
  story_en: optionalText("story_en", 10000),
  hero_media: z.array(heroMedia).max(20, "hero_media 最多 20 项 / at most 20 hero_media items"),
  starts_on: day("starts_on"),
  ends_on: day("ends_on"),
  featured_product_ids: ids("featured_product_ids", 50),
  featured_exhibit_ids: ids("featured_exhibit_ids", 50),
  status: z.enum(["draft", "published"], { error: "status 须为 draft 或 published / status is draft or published" }),
}
export const ListThemes = z
  .object({ centre_id: id("centre_id").optional(), status: themeFields.status.optional(), limit: pageLimit, offset: pageOffset })
  .strict()
export type ListThemesType = z.infer<typeof ListThemes>
export const CreateTheme = z
  .object({
    centre_id: id("centre_id"),
    ...themeFields,
    hero_media: themeFields.hero_media.default([]),
    featured_product_ids: themeFields.featured_product_ids.default([]),
    featured_exhibit_ids: themeFields.featured_exhibit_ids.default([]),
    status: themeFields.status.default("draft"),
  })
  .strict()
  .refine((t) => t.ends_on >= t.starts_on, { message: "结束日期不能早于开始日期 / ends_on must not be before starts_on", path: ["ends_on"] })
export type CreateThemeType = z.infer<typeof CreateTheme>
export const UpdateTheme = z.object(themeFields).partial().strict()
export type UpdateThemeType = z.infer<typeof UpdateTheme>

const eventFields = {
  title: text("title", 200),
  title_en: optionalText("title_en", 200),
  description: optionalText("description", 5000),
  location: optionalText("location", 300),
  starts_at: instant("starts_at"),
  ends_at: instant("ends_at"),
  capacity: z.coerce.number({ error: "capacity 应为数字 / capacity is a number" }).int().min(1, "capacity 至少为 1 / capacity is at least 1").max(10000),
  signup_closes_at: instant("signup_closes_at").nullish(),
}
export const CreateEvent = z
  .object(eventFields)
  .strict()
  .refine((e) => !(e.ends_at instanceof Date && e.starts_at instanceof Date) || e.ends_at.getTime() > e.starts_at.getTime(), { message: "活动结束时间须晚于开始时间 / ends_at must be after starts_at", path: ["ends_at"] })
export type CreateEventType = z.infer<typeof CreateEvent>
export const UpdateEvent = z.object(eventFields).partial().strict()
export type UpdateEventType = z.infer<typeof UpdateEvent>

export const AnalyticsQuery = z
  .object({
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "month 须为 YYYY-MM / month must be YYYY-MM").optional(),
    centre_id: id("centre_id").optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict()
export type AnalyticsQueryType = z.infer<typeof AnalyticsQuery>
