import { z } from "@medusajs/framework/zod"

/** POST /admin/supervisors: the operator creates a supervisor (监管人员) with a first password. */
export const AdminCreateSupervisor = z
  .object({
    name: z.string({ error: "name 必填 / name is required" }).trim().min(1, "name 不能为空 / name is required").max(100, "name 不超过 100 个字 / name is at most 100 characters"),
    email: z
      .string({ error: "email 必填 / email is required" })
      .trim()
      .toLowerCase()
      .max(200, "email 过长 / email is too long")
      .pipe(z.email({ error: "email 格式不正确 / email is not a valid address" })),
    password: z
      .string({ error: "password 必填 / password is required" })
      .min(10, "password 至少 10 位 / password has at least 10 characters")
      .max(128, "password 不超过 128 位 / password is at most 128 characters"),
    scope: z.string({ error: "scope 应为文本 / scope is text" }).trim().max(200, "scope 不超过 200 个字 / scope is at most 200 characters").nullish(),
  })
  .strict()
export type AdminCreateSupervisorType = z.infer<typeof AdminCreateSupervisor>

export const AdminListSupervisors = z
  .object({
    q: z.string({ error: "q 只能有一个 / give one q" }).trim().max(100, "q 不超过 100 个字 / q is at most 100 characters").optional(),
    limit: z.coerce.number({ error: "limit 应为数字 / limit is a number" }).int().min(1, "limit 至少为 1 / limit is at least 1").max(200, "limit 不超过 200 / limit is at most 200").default(50),
    offset: z.coerce.number({ error: "offset 应为数字 / offset is a number" }).int().min(0, "offset 不能为负 / offset is not negative").default(0),
  })
  .strict()
export type AdminListSupervisorsType = z.infer<typeof AdminListSupervisors>
