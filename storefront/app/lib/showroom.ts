import { z } from "zod"
import type { Language } from "~/i18n/languages"

// The experience centre pages (/showroom, /showroom/scan): their strings (Chinese first), the
// sign-up form's rules and the shapes the store API answers with. No server-only imports.

const zh = {
  title: "体验中心",
  intro: "来体验中心拿起展品、现场比较，再在手机或电脑上下单。",
  noTheme: "本月主题正在筹备中，敬请期待。",
  currentTheme: "本月主题",
  upcomingTheme: "下月预告",
  dates: "{{from}} 至 {{to}}",
  featured: "主题精选",
  events: "近期活动",
  noEvents: "暂无可报名的活动。",
  seatsLeft: "剩余名额 {{count}} 个",
  full: "名额已满",
  closed: "报名已截止",
  location: "地点",
  signUp: "报名参加",
  signUpFor: "报名：{{title}}",
  name: "姓名",
  phone: "手机号",
  email: "邮箱（选填）",
  organization: "单位名称（选填）",
  partySize: "人数（1–5 人）",
  submit: "提交报名",
  signedUp: "报名成功：{{title}}，{{count}} 人。我们会在活动前短信提醒您。",
  fixErrors: "请修改标出的内容。",
  errors: {
    name: "请填写姓名（最多 40 个字）。",
    phone: "请填写 11 位中国大陆手机号，例如 13800138000。",
    email: "邮箱格式不正确。",
    organization: "单位名称最多 80 个字。",
    party_size: "人数须为 1 到 5 之间的整数。",
    event: "请选择要报名的活动。",
    failed: "报名未成功：{{message}}",
  },
  address: "地址",
  hours: "开放时间",
  scanNotFoundTitle: "二维码无效或已过期",
  scanNotFound: "没有找到这个展品。请回到触摸屏重新扫码，或直接浏览商城。",
  backToShowroom: "体验中心",
  backHome: "返回首页",
}

type Strings = typeof zh

const en: Strings = {
  title: "Experience centre",
  intro: "Pick up the exhibits at our experience centre, compare them on the spot, then order from your phone or computer.",
  noTheme: "This month's theme is being prepared. Stay tuned.",
  currentTheme: "This month's theme",
  upcomingTheme: "Next month",
  dates: "{{from}} to {{to}}",
  featured: "Featured products",
  events: "Upcoming events",
  noEvents: "No events open for sign-up.",
  seatsLeft: "{{count}} seats left",
  full: "Fully booked",
  closed: "Sign-up closed",
  location: "Location",
  signUp: "Sign up",
  signUpFor: "Sign up: {{title}}",
  name: "Name",
  phone: "Mobile number",
  email: "Email (optional)",
  organization: "Organisation (optional)",
  partySize: "Party size (1–5)",
  submit: "Sign up",
  signedUp: "You are signed up for {{title}} ({{count}} people). We will text you a reminder before the event.",
  fixErrors: "Please correct the marked fields.",
  errors: {
    name: "Enter your name (at most 40 characters).",
    phone: "Enter an 11-digit mainland China mobile number, e.g. 13800138000.",
    email: "That email address is not valid.",
    organization: "The organisation name may have at most 80 characters.",
    party_size: "Party size must be a whole number from 1 to 5.",
    event: "Choose an event to sign up for.",
    failed: "Sign-up failed: {{message}}",
  },
  address: "Address",
  hours: "Opening hours",
  scanNotFoundTitle: "This QR code is not valid",
  scanNotFound: "We could not find this exhibit. Scan the code on the kiosk again, or browse the store.",
  backToShowroom: "Experience centre",
  backHome: "Back to the home page",
}

export const SHOWROOM_STRINGS: Record<Language, Strings> = { "zh-CN": zh, en }

/** `{{name}}` interpolation over one of the strings above. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key) => String(values[key] ?? ""))
}

/** Mainland China mobile numbers: 11 digits starting 13–19 (spaces or dashes allowed when typed). */
export const CN_MOBILE = /^1[3-9]\d{9}$/

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => (value ? value : undefined))

/** The sign-up form as posted; error messages are keys of `errors` above. */
export const SignupForm = z.object({
  event_id: z.string().trim().regex(/^[A-Za-z0-9_]{1,64}$/, "event"),
  name: z.string().trim().min(1, "name").max(40, "name"),
  phone: z
    .string()
    .transform((value) => value.replace(/[\s-]/g, "").replace(/^\+?86/, ""))
    .pipe(z.string().regex(CN_MOBILE, "phone")),
  email: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : undefined))
    .pipe(z.string().email("email").max(120, "email").optional()),
  organization_name: optionalText(80),
  party_size: z.coerce.number().int("party_size").min(1, "party_size").max(5, "party_size"),
})

export type SignupInput = z.infer<typeof SignupForm>

/** The form field each failed rule belongs to. */
export function signupFieldErrors(error: z.ZodError, strings: Strings): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "event_id")
    const key = (field === "organization_name" ? "organization" : field === "event_id" ? "event" : field) as keyof Strings["errors"]
    errors[field] ??= strings.errors[key] ?? strings.fixErrors
  }
  return errors
}

// ---------------------------------------------------------------------------
// Store API shapes (GET /store/showroom/themes, POST /store/showroom/scans)
// ---------------------------------------------------------------------------

export interface ShowroomEvent {
  id: string
  title: string
  title_en?: string | null
  description?: string | null
  location?: string | null
  starts_at: string
  ends_at: string
  capacity: number
  seats_left: number
  signup_closes_at?: string | null
}

export interface ShowroomMedia {
  url: string
  kind?: "image" | "video"
  alt?: string | null
}

export interface ShowroomTheme {
  id: string
  centre_id?: string
  title: string
  title_en?: string | null
  story?: string | null
  story_en?: string | null
  hero_media?: ShowroomMedia[] | { items?: ShowroomMedia[] } | null
  starts_on: string
  ends_on: string
  featured_product_ids?: string[] | { ids?: string[] } | null
  featured_products?: { id: string; handle?: string }[] | null
  centre?: { id: string; name?: string; name_en?: string | null; address?: string | null; opening_hours?: string | null } | null
  events?: ShowroomEvent[]
}

/** JSON columns travel either as the plain list or as the stored object ({ items } / { ids }). */
export function listOf<T>(value: T[] | { items?: T[]; ids?: T[] } | null | undefined): T[] {
  if (Array.isArray(value)) return value
  if (value && typeof value === "object") return (value.items ?? value.ids ?? []) as T[]
  return []
}

/** A theme's or event's text in the visitor's language (English falls back to Chinese). */
export function localized(lang: Language, zhText: string | null | undefined, enText: string | null | undefined): string {
  return (lang === "en" ? enText || zhText : zhText) ?? ""
}

/** A calendar day (the store API sends YYYY-MM-DD, Asia/Shanghai) as the visitor reads it. */
export function formatDay(value: string, lang: Language): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00+08:00`) : new Date(value)
  return new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "long" }).format(date)
}

/** The attribution cookie set by /showroom/scan; its value is the QR scan's id. */
export const SCAN_COOKIE = "gwc_showroom_scan"
export const SCAN_COOKIE_MAX_AGE = 60 * 60 * 24 * 30
export const SCAN_ID = /^xqrs_[A-Za-z0-9]{1,60}$/
