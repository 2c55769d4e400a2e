import { expect } from "vitest"
import { backendUrl } from "./http"

/** Makes an 18-character credit code with a correct (or deliberately wrong) GB 32100 check character. */
export function creditCode(seed: number, options: { wrongCheck?: boolean } = {}): string {
  const charset = "0123456789ABCDEFGHJKLMNPQRTUWXY"
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
  let body = "91510100"
  let x = seed * 7919 + 104729
  while (body.length < 17) {
    body += charset[x % charset.length]
    x = Math.floor(x / 7) + 31 * body.length
  }
  let sum = 0
  for (let i = 0; i < 17; i++) sum += charset.indexOf(body[i]) * weights[i]
  const check = charset[(31 - (sum % 31)) % 31]
  return body + (options.wrongCheck ? charset[(charset.indexOf(check) + 1) % charset.length] : check)
}

async function json(path: string, init: RequestInit & { token?: string } = {}) {
  const headers = new Headers(init.headers)
  if (init.body) headers.set("content-type", "application/json")
  if (init.token) headers.set("authorization", `Bearer ${init.token}`)
  const response = await fetch(backendUrl(path), { ...init, headers })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : null }
}

export const supplierApi = json

export async function supplierLogin(email: string, password: string): Promise<string> {
  const login = await json("/auth/supplier/emailpass", { method: "POST", body: JSON.stringify({ email, password }) })
  expect(login.status, JSON.stringify(login.body)).toBe(200)
  return login.body.token
}

export interface RegisteredSupplier {
  id: string
  email: string
  password: string
  token: string
  body: any
}

/** Registers a supplier the way the portal does: identity, company, then a fresh login. */
export async function registerSupplier(seed: number, overrides: Record<string, unknown> = {}): Promise<RegisteredSupplier> {
  const email = `supplier-${seed}-${Date.now()}@example.cn`
  const password = "Supplier-Pass-1"
  const identity = await json("/auth/supplier/emailpass/register", { method: "POST", body: JSON.stringify({ email, password }) })
  expect(identity.status, JSON.stringify(identity.body)).toBe(200)
  const registered = await json("/supplier/registration", {
    method: "POST",
    token: identity.body.token,
    body: JSON.stringify({
      name: "张经理",
      company_name: `成都测试办公设备有限公司${seed}`,
      credit_code: creditCode(seed),
      legal_representative: "李法人",
      contact_name: "张经理",
      contact_phone: "028-86001234",
      contact_email: email,
      region: "四川省成都市",
      categories_served: ["printing-copying"],
      qualification_documents: [{ name: "营业执照", url: "https://example.cn/licence.pdf" }],
      ...overrides,
    }),
  })
  expect(registered.status, JSON.stringify(registered.body)).toBe(201)
  const token = await supplierLogin(email, password)
  return { id: registered.body.supplier.id, email, password, token, body: registered.body }
}
