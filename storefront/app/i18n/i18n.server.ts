import { i18nFor, type Messages } from "./i18n"
import type { Language } from "./languages"
import { resources } from "./resources"

export function messagesFor(lang: Language): Messages {
  return resources[lang].translation as unknown as Messages
}

/** Translation in loaders and actions. */
export function translator(lang: Language) {
  return i18nFor(lang, messagesFor(lang)).getFixedT(lang)
}
