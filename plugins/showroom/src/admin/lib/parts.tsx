import { Text } from "@medusajs/ui"
import { useEffect, useState, type ReactNode, type SelectHTMLAttributes } from "react"
import { useTranslation } from "react-i18next"
import { backendBase, inLanguage, named, useLanguage, useShowroomQuery } from "./showroom-api"

export interface CentreRow {
  id: string
  name: string
  name_en: string | null
  address: string | null
  city: string | null
  opening_hours: string | null
}

export interface ZoneRow {
  id: string
  code: string
  name: string
  name_en: string | null
  description: string | null
  rank: number
  centre_id?: string
}

/** The error (in the operator's language) or "loading" while a query has nothing to show; else the children. */
export function QueryState({ error, loading, children }: { error?: string; loading: boolean; children: ReactNode }) {
  const { t } = useTranslation()
  const lang = useLanguage()
  if (error) {
    return (
      <Text className="text-ui-fg-error" role="alert">
        {t("gwcShowroom.common.error", { message: inLanguage(error, lang) })}
      </Text>
    )
  }
  if (loading) return <Text>{t("gwcShowroom.common.loading")}</Text>
  return <>{children}</>
}

export type Outcome = { error?: string; done?: string } | null

/** What the last action came to: the backend's refusal (operator's language) or a confirmation. */
export function OutcomeLine({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation()
  const lang = useLanguage()
  return (
    <div aria-live="polite">
      {outcome?.error ? (
        <Text className="text-ui-fg-error" role="alert">
          {t("gwcShowroom.common.error", { message: inLanguage(outcome.error, lang) })}
        </Text>
      ) : outcome?.done ? (
        <Text className="text-ui-fg-interactive" role="status">
          {outcome.done}
        </Text>
      ) : null}
    </div>
  )
}

const selectClass =
  "bg-ui-bg-field shadow-borders-base txt-compact-small h-8 rounded-md px-2 text-ui-fg-base outline-none focus-visible:shadow-borders-interactive-with-active"

/** A plain <select> in the dashboard's field style (works with labels, keyboard and tests alike). */
export function NativeSelect(props: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select {...props} className={`${selectClass} ${props.className ?? ""}`} />
}

const CENTRE_KEY = "gwcShowroom.centre"

/** Every centre, page by page (the list route gives at most 200 at a time). */
function useAllCentres(version: number) {
  const [state, setState] = useState<{ data?: { centres: CentreRow[] }; error?: string; loading: boolean }>({ loading: true })
  useEffect(() => {
    let current = true
    setState((previous) => ({ ...previous, loading: true, error: undefined }))
    ;(async () => {
      const centres: CentreRow[] = []
      for (let offset = 0; ; offset += 200) {
        const response = await fetch(`${backendBase()}/admin/showroom/centres?limit=200&offset=${offset}`, { credentials: "include", headers: { accept: "application/json" } })
        const body = await response.json().catch(() => ({}))
        if (!response.ok) throw new Error(typeof body?.message === "string" ? body.message : `${response.status} ${response.statusText}`)
        centres.push(...(body.centres ?? []))
        if (!body.centres?.length || centres.length >= (body.count ?? 0)) break
      }
      return centres
    })()
      .then((centres) => current && setState({ data: { centres }, loading: false }))
      .catch((error: Error) => current && setState({ error: error.message, loading: false }))
    return () => {
      current = false
    }
  }, [version])
  return state
}

/** The centre the operator works on (remembered across pages); the first one when none was picked. */
export function useCentres(version = 0) {
  const query = useAllCentres(version)
  const centres = query.data?.centres ?? []
  const [picked, setPicked] = useState<string>(() => (typeof localStorage === "undefined" ? "" : localStorage.getItem(CENTRE_KEY) ?? ""))
  const centreId = centres.some((centre) => centre.id === picked) ? picked : centres[0]?.id ?? ""
  useEffect(() => {
    if (centreId && typeof localStorage !== "undefined") localStorage.setItem(CENTRE_KEY, centreId)
  }, [centreId])
  return { ...query, centres, centreId, pick: setPicked }
}

export function CentrePicker({ centres, value, onChange }: { centres: CentreRow[]; value: string; onChange: (id: string) => void }) {
  const { t } = useTranslation()
  const lang = useLanguage()
  if (!centres.length) return <Text className="text-ui-fg-subtle">{t("gwcShowroom.centres.noneYet")}</Text>
  return (
    <div className="flex flex-col gap-y-1">
      <label htmlFor="showroom-centre" className="txt-compact-small-plus">
        {t("gwcShowroom.common.centre")}
      </label>
      <NativeSelect id="showroom-centre" value={value} onChange={(event) => onChange(event.target.value)}>
        {centres.map((centre) => (
          <option key={centre.id} value={centre.id}>
            {named(centre.name, centre.name_en, lang)}
          </option>
        ))}
      </NativeSelect>
    </div>
  )
}

/** The zones of a centre (for pickers and lists). */
export function useZones(centreId: string, version = 0) {
  const query = useShowroomQuery<{ zones: ZoneRow[] }>(centreId ? `/admin/showroom/zones?centre_id=${encodeURIComponent(centreId)}&limit=100` : null, version)
  const zones = [...(query.data?.zones ?? [])].sort((a, b) => a.rank - b.rank || a.code.localeCompare(b.code))
  return { ...query, zones }
}

export function zoneLabel(zone: ZoneRow, lang: "zh" | "en"): string {
  return `${zone.code} · ${named(zone.name, zone.name_en, lang)}`
}
