import { createInstance, type i18n } from "i18next"
import type { Language } from "./languages"

/** One language's dictionary, as the root loader sends it to the page. */
export type Messages = Record<string, unknown>

const instances = new Map<Language, i18n>()

/**
 * One i18next instance per language, the same on server and client. The client never bundles
 * the dictionaries: it gets the active language's strings from the root loader.
 */
export function i18nFor(lang: Language, messages: Messages): i18n {
  let instance = instances.get(lang)
  if (!instance) {
    instance = createInstance()
    void instance.init({
      resources: { [lang]: { translation: messages } },
      lng: lang,
      fallbackLng: false,
      interpolation: { escapeValue: false }, // React escapes
      initAsync: false,
    })
    instances.set(lang, instance)
  }
  return instance
}
