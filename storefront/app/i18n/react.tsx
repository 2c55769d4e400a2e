import type { i18n, TFunction } from "i18next"
import { createContext, useContext, useMemo, type ReactNode } from "react"

// The React binding for our i18next instances: a context and a hook with react-i18next's shape
// ({ t, i18n }). Languages change only by navigation (a new root render), so nothing needs to
// subscribe to i18next events — which is all react-i18next would add, at 3 kB of client JS.
const I18nContext = createContext<i18n | null>(null)

export function I18nProvider({ i18n, children }: { i18n: i18n; children: ReactNode }) {
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>
}

export function useTranslation(): { t: TFunction; i18n: i18n } {
  const instance = useContext(I18nContext)
  if (!instance) throw new Error("useTranslation() needs an <I18nProvider> above it")
  return useMemo(() => ({ t: instance.getFixedT(instance.language), i18n: instance }), [instance])
}
