import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Calendar } from "@medusajs/icons"
import { Button, Checkbox, Container, Heading, Input, Label, StatusBadge, Table, Text, Textarea, usePrompt } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { useTranslation } from "react-i18next"
import { filled, SimpleForm } from "../../lib/form"
import { CentrePicker, NativeSelect, OutcomeLine, QueryState, useCentres, type Outcome } from "../../lib/parts"
import { day, deleteShowroom, listOf, named, postShowroom, shanghaiInstant, shanghaiLocal, useLanguage, useShowroomQuery, when } from "../../lib/showroom-api"

interface HeroMedia {
  url: string
  kind: "image" | "video"
  alt?: string
}

interface EventRow {
  id: string
  title: string
  title_en: string | null
  description: string | null
  location: string | null
  starts_at: string
  ends_at: string
  capacity: number
  signup_closes_at: string | null
  seats_left?: number
  signup_count?: number
}

interface ThemeRow {
  id: string
  title: string
  title_en: string | null
  story: string | null
  story_en: string | null
  hero_media: unknown
  starts_on: string
  ends_on: string
  featured_product_ids: unknown
  featured_exhibit_ids: unknown
  status: "draft" | "published"
  centre_id?: string
  events?: EventRow[]
}

interface SignupRow {
  id: string
  name: string
  phone: string
  email: string | null
  organization_name: string | null
  party_size: number
  status: "confirmed" | "cancelled"
  created_at?: string
}

interface ExhibitOption {
  id: string
  product_id: string
  plinth: string | null
  product?: { title?: string | null } | null
  product_title?: string | null
}

const VIDEO = /\.(mp4|webm|m3u8|mov)(\?|$)/i

/** One hero item per line: "URL" or "URL | alt text"; videos are told apart by their extension. */
function parseHero(text: string): HeroMedia[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [url, ...alt] = line.split("|").map((part) => part.trim())
      return { url, kind: VIDEO.test(url) ? "video" : "image", ...(alt.length ? { alt: alt.join(" | ") } : {}) }
    })
}

function heroText(value: unknown): string {
  return listOf<HeroMedia>(value, "items")
    .map((item) => (item.alt ? `${item.url} | ${item.alt}` : item.url))
    .join("\n")
}

/** Create or edit a theme: texts, dates, status, hero media and the featured exhibits of the centre. */
function ThemeForm({ centreId, theme, onSaved, onCancel }: { centreId: string; theme?: ThemeRow; onSaved: (theme: ThemeRow) => void; onCancel?: () => void }) {
  const { t } = useTranslation()
  const exhibits = useShowroomQuery<{ exhibits: ExhibitOption[] }>(`/admin/showroom/exhibits?centre_id=${encodeURIComponent(centreId)}&limit=100`)
  const [values, setValues] = useState(() => ({
    title: theme?.title ?? "",
    title_en: theme?.title_en ?? "",
    story: theme?.story ?? "",
    story_en: theme?.story_en ?? "",
    starts_on: day(theme?.starts_on),
    ends_on: day(theme?.ends_on),
    status: theme?.status ?? "draft",
    hero: heroText(theme?.hero_media),
    products: listOf<string>(theme?.featured_product_ids, "ids").join("\n"),
  }))
  const [featured, setFeatured] = useState<string[]>(() => listOf<string>(theme?.featured_exhibit_ids, "ids"))
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome>(null)
  const prefix = theme ? `theme-edit` : "theme"
  const set = (key: keyof typeof values) => (event: { target: { value: string } }) => setValues({ ...values, [key]: event.target.value })
  const options = exhibits.data?.exhibits ?? []

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setOutcome(null)
    try {
      const typedProducts = values.products.split(/[\s,]+/).filter(Boolean)
      const products = typedProducts.length
        ? typedProducts
        : [...new Set(options.filter((exhibit) => featured.includes(exhibit.id)).map((exhibit) => exhibit.product_id))]
      const body = {
        ...(theme ? {} : { centre_id: centreId }),
        title: values.title.trim(),
        title_en: values.title_en.trim() || null,
        story: values.story.trim() || null,
        story_en: values.story_en.trim() || null,
        starts_on: values.starts_on,
        ends_on: values.ends_on,
        status: values.status,
        hero_media: parseHero(values.hero),
        featured_product_ids: products,
        featured_exhibit_ids: featured,
      }
      const answer = await postShowroom<{ theme: ThemeRow }>(theme ? `/admin/showroom/themes/${theme.id}` : "/admin/showroom/themes", body)
      setOutcome({ done: t(theme ? "gwcShowroom.themes.saved" : "gwcShowroom.themes.created", { title: body.title }) })
      if (!theme) {
        setValues({ title: "", title_en: "", story: "", story_en: "", starts_on: "", ends_on: "", status: "draft", hero: "", products: "" })
        setFeatured([])
      }
      onSaved(answer.theme)
    } catch (error) {
      setOutcome({ error: (error as Error).message })
    } finally {
      setBusy(false)
    }
  }

  const input = (key: keyof typeof values, label: string, type = "text", required = false) => (
    <div className="flex flex-col gap-y-1">
      <Label htmlFor={`${prefix}-${key}`} size="small">
        {label}
      </Label>
      <Input id={`${prefix}-${key}`} type={type} required={required} value={values[key]} onChange={set(key)} />
    </div>
  )
  const area = (key: keyof typeof values, label: string, hint?: string) => (
    <div className="flex w-full max-w-2xl flex-col gap-y-1">
      <Label htmlFor={`${prefix}-${key}`} size="small">
        {label}
      </Label>
      <Textarea id={`${prefix}-${key}`} value={values[key]} onChange={set(key)} />
      {hint ? (
        <Text size="xsmall" className="text-ui-fg-subtle">
          {hint}
        </Text>
      ) : null}
    </div>
  )

  return (
    <form className="flex flex-col gap-y-3" onSubmit={submit}>
      <Heading level="h2">{theme ? t("gwcShowroom.themes.editTitle", { title: theme.title }) : t("gwcShowroom.themes.create")}</Heading>
      <div className="flex flex-wrap items-end gap-3">
        {input("title", t("gwcShowroom.themes.title"), "text", true)}
        {input("title_en", t("gwcShowroom.themes.titleEn"))}
        {input("starts_on", t("gwcShowroom.themes.startsOn"), "date", true)}
        {input("ends_on", t("gwcShowroom.themes.endsOn"), "date", true)}
        <div className="flex flex-col gap-y-1">
          <Label htmlFor={`${prefix}-status`} size="small">
            {t("gwcShowroom.common.status")}
          </Label>
          <NativeSelect id={`${prefix}-status`} value={values.status} onChange={set("status")}>
            <option value="draft">{t("gwcShowroom.themes.status_draft")}</option>
            <option value="published">{t("gwcShowroom.themes.status_published")}</option>
          </NativeSelect>
        </div>
      </div>
      {area("story", t("gwcShowroom.themes.story"))}
      {area("story_en", t("gwcShowroom.themes.storyEn"))}
      {area("hero", t("gwcShowroom.themes.hero"), t("gwcShowroom.themes.heroHint"))}
      <fieldset className="flex flex-col gap-y-1">
        <legend className="txt-compact-small-plus">{t("gwcShowroom.themes.featuredExhibits")}</legend>
        <QueryState error={exhibits.error} loading={exhibits.loading && !exhibits.data}>
          {!options.length ? (
            <Text size="small" className="text-ui-fg-subtle">
              {t("gwcShowroom.exhibits.empty")}
            </Text>
          ) : (
            <div className="grid max-h-64 grid-cols-1 gap-1 overflow-auto md:grid-cols-2">
              {options.map((exhibit) => {
                const id = `${prefix}-featured-${exhibit.id}`
                return (
                  <div key={exhibit.id} className="flex items-center gap-2">
                    <Checkbox
                      id={id}
                      checked={featured.includes(exhibit.id)}
                      onCheckedChange={(on) => setFeatured((previous) => (on === true ? [...previous, exhibit.id] : previous.filter((other) => other !== exhibit.id)))}
                    />
                    <Label htmlFor={id} size="small">
                      {[exhibit.plinth, exhibit.product?.title ?? exhibit.product_title ?? exhibit.product_id].filter(Boolean).join(" · ")}
                    </Label>
                  </div>
                )
              })}
            </div>
          )}
        </QueryState>
      </fieldset>
      {area("products", t("gwcShowroom.themes.featuredProducts"), t("gwcShowroom.themes.featuredProductsHint"))}
      <div className="flex gap-2">
        <Button type="submit" isLoading={busy} disabled={busy}>
          {theme ? t("gwcShowroom.common.save") : t("gwcShowroom.themes.create")}
        </Button>
        {onCancel ? (
          <Button type="button" variant="secondary" onClick={onCancel}>
            {t("gwcShowroom.common.cancel")}
          </Button>
        ) : null}
      </div>
      <OutcomeLine outcome={outcome} />
    </form>
  )
}

/** The sign-up list (报名名单) of one event. */
function Signups({ event }: { event: EventRow }) {
  const { t } = useTranslation()
  const lang = useLanguage()
  const { data, error, loading } = useShowroomQuery<{ signups: SignupRow[]; count?: number }>(`/admin/showroom/events/${event.id}/signups?limit=100`)
  const signups = data?.signups ?? []
  const seats = signups.filter((signup) => signup.status !== "cancelled").reduce((sum, signup) => sum + (signup.party_size ?? 1), 0)
  return (
    <div className="flex flex-col gap-y-2 rounded-md border border-ui-border-base p-3" data-testid="signups">
      <Text size="small" className="text-ui-fg-subtle">
        {t("gwcShowroom.events.signupCount", { count: signups.length, seats, capacity: event.capacity })}
      </Text>
      <QueryState error={error} loading={loading && !data}>
        {!signups.length ? (
          <Text className="text-ui-fg-subtle">{t("gwcShowroom.events.noSignups")}</Text>
        ) : (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>{t("gwcShowroom.events.person")}</Table.HeaderCell>
                <Table.HeaderCell>{t("gwcShowroom.events.phone")}</Table.HeaderCell>
                <Table.HeaderCell>{t("gwcShowroom.events.email")}</Table.HeaderCell>
                <Table.HeaderCell>{t("gwcShowroom.events.organization")}</Table.HeaderCell>
                <Table.HeaderCell>{t("gwcShowroom.events.partySize")}</Table.HeaderCell>
                <Table.HeaderCell>{t("gwcShowroom.common.status")}</Table.HeaderCell>
                <Table.HeaderCell>{t("gwcShowroom.events.signedUpAt")}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {signups.map((signup) => (
                <Table.Row key={signup.id}>
                  <Table.Cell>{signup.name}</Table.Cell>
                  <Table.Cell className="font-mono">{signup.phone}</Table.Cell>
                  <Table.Cell>{signup.email ?? "—"}</Table.Cell>
                  <Table.Cell>{signup.organization_name ?? "—"}</Table.Cell>
                  <Table.Cell>{signup.party_size}</Table.Cell>
                  <Table.Cell>{t(`gwcShowroom.events.signup_${signup.status}`)}</Table.Cell>
                  <Table.Cell>{when(signup.created_at, lang)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </QueryState>
    </div>
  )
}

/** A theme's events (主题活动): list, add, edit, cancel, and each one's sign-ups. */
function ThemeEvents({ theme, onChanged }: { theme: ThemeRow; onChanged: () => void }) {
  const { t } = useTranslation()
  const lang = useLanguage()
  const prompt = usePrompt()
  const [open, setOpen] = useState<string | null>(null)
  const [editing, setEditing] = useState<EventRow | null>(null)
  const [outcome, setOutcome] = useState<Outcome>(null)
  const events = [...(theme.events ?? [])].sort((a, b) => a.starts_at.localeCompare(b.starts_at))
  const fields = [
    { name: "title", label: t("gwcShowroom.events.title"), required: true },
    { name: "title_en", label: t("gwcShowroom.events.titleEn") },
    { name: "location", label: t("gwcShowroom.events.location") },
    { name: "starts_at", label: t("gwcShowroom.events.startsAt"), type: "datetime-local" as const, required: true },
    { name: "ends_at", label: t("gwcShowroom.events.endsAt"), type: "datetime-local" as const, required: true },
    { name: "capacity", label: t("gwcShowroom.events.capacity"), type: "number" as const, required: true },
    { name: "signup_closes_at", label: t("gwcShowroom.events.closesAt"), type: "datetime-local" as const },
    { name: "description", label: t("gwcShowroom.events.description"), type: "textarea" as const, wide: true },
  ]
  const bodyOf = (values: Record<string, string>, forUpdate: boolean) => {
    const given = filled(values)
    return {
      title: given.title,
      title_en: given.title_en ?? (forUpdate ? null : undefined),
      location: given.location ?? (forUpdate ? null : undefined),
      description: given.description ?? (forUpdate ? null : undefined),
      starts_at: shanghaiInstant(given.starts_at),
      ends_at: shanghaiInstant(given.ends_at),
      capacity: Number(given.capacity),
      signup_closes_at: given.signup_closes_at ? shanghaiInstant(given.signup_closes_at) : forUpdate ? null : undefined,
    }
  }
  const remove = async (event: EventRow) => {
    const confirmed = await prompt({
      title: t("gwcShowroom.events.deleteTitle"),
      description: t("gwcShowroom.events.deleteText", { title: event.title }),
      confirmText: t("gwcShowroom.common.delete"),
      cancelText: t("gwcShowroom.common.cancel"),
    })
    if (!confirmed) return
    try {
      await deleteShowroom(`/admin/showroom/events/${event.id}`)
      setOutcome({ done: t("gwcShowroom.events.deleted", { title: event.title }) })
      onChanged()
    } catch (error) {
      setOutcome({ error: (error as Error).message })
    }
  }
  return (
    <div className="flex flex-col gap-y-3">
      <Heading level="h2">{t("gwcShowroom.events.heading", { title: named(theme.title, theme.title_en, lang) })}</Heading>
      {!events.length ? (
        <Text className="text-ui-fg-subtle">{t("gwcShowroom.events.empty")}</Text>
      ) : (
        <Table data-testid="event-table">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("gwcShowroom.events.title")}</Table.HeaderCell>
              <Table.HeaderCell>{t("gwcShowroom.events.startsAt")}</Table.HeaderCell>
              <Table.HeaderCell>{t("gwcShowroom.events.location")}</Table.HeaderCell>
              <Table.HeaderCell>{t("gwcShowroom.events.capacity")}</Table.HeaderCell>
              <Table.HeaderCell>{t("gwcShowroom.common.actions")}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {events.map((event) => (
              <Table.Row key={event.id} className="align-top">
                <Table.Cell>
                  {named(event.title, event.title_en, lang)}
                  {open === event.id ? <Signups event={event} /> : null}
                </Table.Cell>
                <Table.Cell className="whitespace-nowrap">{when(event.starts_at, lang)}</Table.Cell>
                <Table.Cell>{event.location ?? "—"}</Table.Cell>
                <Table.Cell>
                  {event.seats_left !== undefined ? t("gwcShowroom.events.seatsLeft", { left: event.seats_left, capacity: event.capacity }) : event.capacity}
                </Table.Cell>
                <Table.Cell>
                  <div className="flex flex-col gap-1 py-1">
                    <Button size="small" variant="secondary" onClick={() => setOpen(open === event.id ? null : event.id)}>
                      {open === event.id ? t("gwcShowroom.common.close") : t("gwcShowroom.events.showSignups")}
                    </Button>
                    <Button size="small" variant="secondary" onClick={() => setEditing(event)}>
                      {t("gwcShowroom.common.edit")}
                    </Button>
                    <Button size="small" variant="danger" onClick={() => remove(event)}>
                      {t("gwcShowroom.common.delete")}
                    </Button>
                  </div>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <OutcomeLine outcome={outcome} />
      {editing ? (
        <SimpleForm
          idPrefix="event-edit"
          title={t("gwcShowroom.events.editTitle", { title: editing.title })}
          submitLabel={t("gwcShowroom.common.save")}
          fields={fields}
          keep
          initial={{
            title: editing.title,
            title_en: editing.title_en ?? "",
            location: editing.location ?? "",
            description: editing.description ?? "",
            starts_at: shanghaiLocal(editing.starts_at),
            ends_at: shanghaiLocal(editing.ends_at),
            capacity: String(editing.capacity),
            signup_closes_at: shanghaiLocal(editing.signup_closes_at),
          }}
          onCancel={() => setEditing(null)}
          cancelLabel={t("gwcShowroom.common.cancel")}
          onSubmit={async (values) => {
            await postShowroom(`/admin/showroom/events/${editing.id}`, bodyOf(values, true))
            setEditing(null)
            onChanged()
            return t("gwcShowroom.events.saved", { title: values.title })
          }}
        />
      ) : (
        <SimpleForm
          idPrefix="event"
          title={t("gwcShowroom.events.create")}
          submitLabel={t("gwcShowroom.events.create")}
          fields={fields}
          onSubmit={async (values) => {
            await postShowroom(`/admin/showroom/themes/${theme.id}/events`, bodyOf(values, false))
            onChanged()
            return t("gwcShowroom.events.created", { title: values.title })
          }}
        />
      )}
    </div>
  )
}

/** 月度主题: the centre's monthly themes (一月一主题), their events and sign-ups. */
const ThemesPage = () => {
  const { t } = useTranslation()
  const lang = useLanguage()
  const prompt = usePrompt()
  const [version, setVersion] = useState(0)
  const refresh = () => setVersion((n) => n + 1)
  const centres = useCentres()
  const { centreId } = centres
  const list = useShowroomQuery<{ themes: ThemeRow[]; count?: number }>(centreId ? `/admin/showroom/themes?centre_id=${encodeURIComponent(centreId)}&limit=100` : null, version)
  const [selected, setSelected] = useState<string | null>(null)
  const [editing, setEditing] = useState(false)
  const [outcome, setOutcome] = useState<Outcome>(null)
  const detail = useShowroomQuery<{ theme: ThemeRow }>(selected ? `/admin/showroom/themes/${selected}` : null, version)
  const themes = [...(list.data?.themes ?? [])].sort((a, b) => String(b.starts_on).localeCompare(String(a.starts_on)))

  const remove = async (theme: ThemeRow) => {
    const confirmed = await prompt({
      title: t("gwcShowroom.themes.deleteTitle"),
      description: t("gwcShowroom.themes.deleteText", { title: theme.title }),
      confirmText: t("gwcShowroom.common.delete"),
      cancelText: t("gwcShowroom.common.cancel"),
    })
    if (!confirmed) return
    try {
      await deleteShowroom(`/admin/showroom/themes/${theme.id}`)
      if (selected === theme.id) setSelected(null)
      setOutcome({ done: t("gwcShowroom.themes.deleted", { title: theme.title }) })
      refresh()
    } catch (error) {
      setOutcome({ error: (error as Error).message })
    }
  }

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h1">{t("gwcShowroom.menu.themes")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("gwcShowroom.themes.intro")}
        </Text>
      </div>
      <div className="flex flex-col gap-y-3 px-6 py-4">
        <CentrePicker centres={centres.centres} value={centreId} onChange={(id) => { centres.pick(id); setSelected(null) }} />
        <QueryState error={list.error ?? centres.error} loading={(list.loading && !list.data) || (centres.loading && !centres.data)}>
          {!themes.length ? (
            <Text className="text-ui-fg-subtle">{t("gwcShowroom.themes.empty")}</Text>
          ) : (
            <Table data-testid="theme-table">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>{t("gwcShowroom.themes.title")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("gwcShowroom.themes.dates")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("gwcShowroom.common.status")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("gwcShowroom.themes.featured")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("gwcShowroom.common.actions")}</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {themes.map((theme) => (
                  <Table.Row key={theme.id} className={selected === theme.id ? "bg-ui-bg-highlight" : undefined}>
                    <Table.Cell>{named(theme.title, theme.title_en, lang)}</Table.Cell>
                    <Table.Cell className="whitespace-nowrap font-mono">
                      {day(theme.starts_on)} – {day(theme.ends_on)}
                    </Table.Cell>
                    <Table.Cell>
                      <StatusBadge color={theme.status === "published" ? "green" : "grey"}>{t(`gwcShowroom.themes.status_${theme.status}`)}</StatusBadge>
                    </Table.Cell>
                    <Table.Cell>
                      {t("gwcShowroom.themes.featuredCount", {
                        exhibits: listOf(theme.featured_exhibit_ids, "ids").length,
                        products: listOf(theme.featured_product_ids, "ids").length,
                      })}
                    </Table.Cell>
                    <Table.Cell>
                      <div className="flex gap-2">
                        <Button size="small" variant="secondary" onClick={() => { setSelected(theme.id); setEditing(false) }} aria-label={t("gwcShowroom.themes.openOne", { title: theme.title })}>
                          {t("gwcShowroom.themes.open")}
                        </Button>
                        <Button size="small" variant="danger" onClick={() => remove(theme)} aria-label={t("gwcShowroom.themes.deleteOne", { title: theme.title })}>
                          {t("gwcShowroom.common.delete")}
                        </Button>
                      </div>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
        </QueryState>
        <OutcomeLine outcome={outcome} />
      </div>
      {selected ? (
        <div className="flex flex-col gap-y-4 px-6 py-4">
          <QueryState error={detail.error} loading={detail.loading && !detail.data}>
            {detail.data?.theme ? (
              editing ? (
                <ThemeForm
                  key={`edit-${detail.data.theme.id}`}
                  centreId={centreId}
                  theme={detail.data.theme}
                  onSaved={() => { setEditing(false); refresh() }}
                  onCancel={() => setEditing(false)}
                />
              ) : (
                <>
                  <div className="flex flex-wrap items-center gap-3">
                    <Heading level="h2">{named(detail.data.theme.title, detail.data.theme.title_en, lang)}</Heading>
                    <Button size="small" variant="secondary" onClick={() => setEditing(true)}>
                      {t("gwcShowroom.common.edit")}
                    </Button>
                  </div>
                  {detail.data.theme.story ? <Text className="max-w-2xl whitespace-pre-line">{named(detail.data.theme.story, detail.data.theme.story_en, lang)}</Text> : null}
                  <div className="flex flex-wrap gap-2">
                    {listOf<HeroMedia>(detail.data.theme.hero_media, "items").map((item) =>
                      item.kind === "video" ? (
                        <video key={item.url} src={item.url} className="h-24 rounded" muted />
                      ) : (
                        <img key={item.url} src={item.url} alt={item.alt ?? ""} className="h-24 rounded object-cover" />
                      )
                    )}
                  </div>
                  <ThemeEvents theme={detail.data.theme} onChanged={refresh} />
                </>
              )
            ) : null}
          </QueryState>
        </div>
      ) : null}
      {centreId ? (
        <div className="px-6 py-4">
          <ThemeForm
            key={`new-${centreId}`}
            centreId={centreId}
            onSaved={(theme) => {
              if (theme?.id) setSelected(theme.id)
              refresh()
            }}
          />
        </div>
      ) : null}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "gwcShowroom.menu.themes",
  translationNs: "translation",
  icon: Calendar,
  rank: 32,
})

export default ThemesPage
