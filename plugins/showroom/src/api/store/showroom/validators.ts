import { z } from "@medusajs/framework/zod"

const id = (field: string) => z.string({ error: `${field} 必填 / ${field} is required` }).trim().min(1, `${field} 必填 / ${field} is required`).max(100)

export const StoreListThemes = z.object({ centre_id: id("centre_id").optional() }).strict()
export type StoreListThemesType = z.infer<typeof StoreListThemes>

export const StoreSignup = z
  .object({
    name: z.string({ error: "name 必填 / name is required" }).trim().min(1, "请填写姓名 / name is required").max(50, "姓名不超过 50 个字 / name is at most 50 characters"),
    phone: z
      .string({ error: "phone 必填 / phone is required" })
      .transform((v) => v.replace(/[\s-]/g, "").replace(/^\+?86/, ""))
      .refine((v) => /^1[3-9]\d{9}$/.test(v), "请填写 11 位中国大陆手机号 / phone must be an 11-digit mainland China mobile number"),
    email: z
      .string()
      .trim()
      .max(200)
      .email("邮箱格式不正确 / email is not a valid address")
      .nullish()
      .or(z.literal("").transform(() => null)),
    organization_name: z.string().trim().max(200, "单位名称不超过 200 个字 / organization_name is at most 200 characters").nullish(),
    party_size: z.coerce
      .number({ error: "party_size 应为数字 / party_size is a number" })
      .int("party_size 应为整数 / party_size is an integer")
      .min(1, "人数至少 1 人 / party_size is at least 1")
      .max(5, "每次报名最多 5 人 / party_size is at most 5")
      .default(1),
  })
  .strict()
export type StoreSignupType = z.infer<typeof StoreSignup>

export const StoreScan = z
  .object({
    kiosk_id: id("kiosk_id"),
    exhibit_ids: z
      .array(id("exhibit_ids"), { error: "exhibit_ids 须为展品编号数组 / exhibit_ids is a list of exhibit ids" })
      .min(1, "至少 1 件展品 / at least 1 exhibit")
      .max(4, "最多 4 件展品 / at most 4 exhibits"),
  })
  .strict()
export type StoreScanType = z.infer<typeof StoreScan>
