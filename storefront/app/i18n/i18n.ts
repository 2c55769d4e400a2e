import { createInstance, type i18n } from "i18next"
import { initReactI18next } from "react-i18next"
import { resources, type Language } from "./resources"

const instances = new Map<Language, i18n>()

/** One i18next instance per language, the same on server and client (resources are bundled). */
export function i18nFor(lang: Language): i18n {
  let instance = instances.get(lang)
  if (!instance) {
    instance = createInstance()
    void instance.use(initReactI18next).init({
      resources,
      lng: lang,
      fallbackLng: "zh-CN",
      interpolation: { escapeValue: false }, // React escapes
      initAsync: false,
    })
    instances.set(lang, instance)
  }
  return instance
}

/** Server-side translation (loaders and actions build messages with it). */
export function translator(lang: Language) {
  return i18nFor(lang).getFixedT(lang)
}
