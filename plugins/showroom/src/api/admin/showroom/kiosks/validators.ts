import { z } from "@medusajs/framework/zod"

const name = z.string({ error: "name 必填 / name is required" }).trim().min(1, "name 不能为空 / name is required").max(100, "name 不超过 100 个字 / name is at most 100 characters")
const antennas = z
  .array(
    z.string({ error: "antennas 应为文本数组 / antennas is a list of text" }).trim().min(1, "antennas 不能有空项 / antennas has no empty entries").max(100, "antenna 不超过 100 个字符 / an antenna is at most 100 characters"),
    { error: "antennas 应为数组 / antennas is a list" }
  )
  .max(64, "antennas 最多 64 个 / at most 64 antennas")
  .transform((list) => [...new Set(list)])
const id = (field: string) => z.string({ error: `${field} 必填 / ${field} is required` }).trim().min(1, `${field} 必填 / ${field} is required`).max(64)

/** POST /admin/showroom/kiosks */
export const AdminCreateKiosk = z
  .object({ centre_id: id("centre_id"), zone_id: id("zone_id"), name, antennas: antennas.default([]) })
  .strict()
export type AdminCreateKioskType = z.infer<typeof AdminCreateKiosk>

/** POST /admin/showroom/kiosks/:id */
export const AdminUpdateKiosk = z.object({ name: name.optional(), zone_id: id("zone_id").optional(), antennas: antennas.optional() }).strict()
export type AdminUpdateKioskType = z.infer<typeof AdminUpdateKiosk>

/** GET /admin/showroom/kiosks */
export const AdminListKiosks = z
  .object({
    centre_id: z.string({ error: "centre_id 只能有一个 / give one centre_id" }).trim().max(64).optional(),
    zone_id: z.string({ error: "zone_id 只能有一个 / give one zone_id" }).trim().max(64).optional(),
    q: z.string({ error: "q 只能有一个 / give one q" }).trim().max(100, "q 不超过 100 个字 / q is at most 100 characters").optional(),
    limit: z.coerce.number({ error: "limit 应为数字 / limit is a number" }).int().min(1, "limit 至少为 1 / limit is at least 1").max(200, "limit 不超过 200 / limit is at most 200").default(50),
    offset: z.coerce.number({ error: "offset 应为数字 / offset is a number" }).int().min(0, "offset 不能为负 / offset is not negative").default(0),
  })
  .strict()
export type AdminListKiosksType = z.infer<typeof AdminListKiosks>

export const AdminEmptyBody = z.object({}).strict()
export const AdminEmptyQuery = z.object({}).strict()
