import { testStack } from "./stack"

export type Channel = "online" | "showroom" | "livestream"

export interface JsonResponse<T = any> {
  status: number
  body: T
  headers: Headers
}

async function request<T>(url: string, init: RequestInit = {}): Promise<JsonResponse<T>> {
  const response = await fetch(url, init)
  const text = await response.text()
  let body: any = text
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    // not JSON; keep the text
  }
  return { status: response.status, body, headers: response.headers }
}

export function backendUrl(path = ""): string {
  return `${testStack().facts.backend_url}${path}`
}

/** A store API call with the given channel's publishable key (or none, with `channel: null`). */
export function store<T = any>(path: string, options: { channel?: Channel | null; init?: RequestInit } = {}) {
  const channel = options.channel === undefined ? "online" : options.channel
  const headers = new Headers(options.init?.headers)
  if (channel) headers.set("x-publishable-api-key", testStack().facts.publishable_keys[channel].token)
  if (options.init?.body) headers.set("content-type", "application/json")
  return request<T>(backendUrl(path), { ...options.init, headers })
}

let adminTokenPromise: Promise<string> | null = null

export async function adminToken(): Promise<string> {
  adminTokenPromise ??= request<{ token: string }>(backendUrl("/auth/user/emailpass"), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(testStack().facts.admin),
  }).then((r) => {
    if (r.status !== 200) throw new Error(`admin login failed: ${r.status} ${JSON.stringify(r.body)}`)
    return r.body.token
  })
  return adminTokenPromise
}

export async function admin<T = any>(path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers)
  headers.set("authorization", `Bearer ${await adminToken()}`)
  if (init.body) headers.set("content-type", "application/json")
  return request<T>(backendUrl(path), { ...init, headers })
}

/** Follows limit/offset pages of a list route and returns every item. */
export async function listAll<T = any>(
  fetchPage: (offset: number, limit: number) => Promise<JsonResponse>,
  key: string,
  limit = 100
): Promise<T[]> {
  const items: T[] = []
  for (let offset = 0; ; offset += limit) {
    const page = await fetchPage(offset, limit)
    if (page.status !== 200) throw new Error(`list ${key} failed: ${page.status} ${JSON.stringify(page.body)}`)
    items.push(...page.body[key])
    if (offset + limit >= page.body.count) return items
  }
}
