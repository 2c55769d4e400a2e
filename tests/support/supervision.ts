// Supervisors (监管, plugins/procurement) through the real HTTP API: the operator creates one, it
// logs in as the auth actor `supervisor`, and reads /supervisor/*. No vitest imports: the browser
// test reuses these helpers.

import { admin, backendUrl, type JsonResponse } from "./http"
import { postAs, registerCustomer, type TestCustomer } from "./orders"

export interface TestSupervisor {
  id: string
  name: string
  email: string
  password: string
  token: string
}

let counter = 0

function ok<T extends JsonResponse>(what: string, response: T): T {
  if (response.status < 200 || response.status >= 300) throw new Error(`${what} failed: ${response.status} ${JSON.stringify(response.body)}`)
  return response
}

export async function supervisorLogin(email: string, password: string): Promise<JsonResponse<{ token?: string; message?: string }>> {
  const response = await fetch(backendUrl("/auth/supervisor/emailpass"), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers }
}

/** The operator creates a supervisor (POST /admin/supervisors); the supervisor logs in. */
export async function createSupervisor(label = "supervisor", scope: string | null = "成都市财政局政府采购监管处"): Promise<TestSupervisor> {
  const email = `${label}-${Date.now().toString(36)}-${process.pid}-${++counter}@supervision.example.cn`
  const password = "Supervise-test-1"
  const name = `监管员${counter}`
  const created = ok("create supervisor", await admin("/admin/supervisors", { method: "POST", body: JSON.stringify({ name, email, password, scope }) }))
  const login = await supervisorLogin(email, password)
  if (login.status !== 200 || !login.body.token) throw new Error(`supervisor login failed: ${login.status} ${JSON.stringify(login.body)}`)
  return { id: created.body.supervisor.id, name, email, password, token: login.body.token }
}

/** A call to the backend with a bearer token (any actor), or none with `null`. */
export async function asToken(token: string | null, path: string, init: RequestInit = {}): Promise<JsonResponse> {
  const headers = new Headers(init.headers)
  if (token) headers.set("authorization", `Bearer ${token}`)
  if (init.body) headers.set("content-type", "application/json")
  const response = await fetch(backendUrl(path), { ...init, headers })
  const text = await response.text()
  let body: any = text
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    // CSV or other text
  }
  return { status: response.status, body, headers: response.headers }
}

export const supervise = (supervisor: TestSupervisor, path: string, init: RequestInit = {}) => asToken(supervisor.token, path, init)

/** A customer who registers a buyer organisation (and is its admin). */
export async function organizationWithAdmin(name: string, creditCode: string): Promise<{ admin: TestCustomer; organization: { id: string; name: string } }> {
  const customer = await registerCustomer("supervised-admin")
  const created = ok("create organisation", await postAs(customer, "/store/organizations", { name, type: "government_unit", credit_code: creditCode }))
  return { admin: customer, organization: created.body.organization }
}
