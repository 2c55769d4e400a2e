// Procurement constants shared by the server and the pages (no server imports).

export const ORGANIZATION_TYPES = ["government_unit", "public_institution", "state_owned_enterprise", "association", "company", "individual"] as const

export type ComparisonStatus = "draft" | "submitted" | "claimed" | "returned" | "confirmed" | "ordered"
export const COMPARISON_STATUSES: ComparisonStatus[] = ["draft", "submitted", "claimed", "returned", "confirmed", "ordered"]

/** The half of "中文 / English" in the visitor's language (the whole text when it has no halves). */
function half(message: string, lang: "zh-CN" | "en"): string {
  const parts = message.split(" / ")
  if (parts.length < 2) return message.trim()
  return (lang === "en" ? parts.slice(1).join(" / ") : parts[0]).trim()
}

/**
 * A backend message in the visitor's language, and the fields it names. Our routes answer
 * "中文 / English", validation errors "请求有误 / invalid request: field: 中文 / English; other: …"
 * (Medusa may put "Invalid request: " before it).
 */
export function parseBackendMessage(raw: string, lang: "zh-CN" | "en"): { message: string; fields: Record<string, string> } {
  let text = raw.replace(/^Invalid request: /, "")
  text = text.replace(/^请求有误 \/ invalid request: /i, "")
  const fields: Record<string, string> = {}
  const parts = text.split(/; (?=[a-z_][a-z0-9_.]*: )/)
  const messages = parts.map((part) => {
    const match = /^([a-z_][a-z0-9_.]*): ([\s\S]*)$/.exec(part)
    const body = half(match ? match[2] : part, lang)
    if (match) fields[match[1].split(".")[0]] ??= body
    return body
  })
  return { message: messages.join(lang === "en" ? "; " : "；"), fields }
}

