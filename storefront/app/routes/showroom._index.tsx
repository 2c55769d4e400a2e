import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react"
import type { InputHTMLAttributes } from "react"
import { ProductCard } from "~/components/ProductCard"
import type { Language } from "~/i18n/languages"
import { mediaUrl, toCard } from "~/lib/catalog.server"
import { formatDateTime } from "~/lib/format"
import { languageOf } from "~/lib/session.server"
import {
  fill,
  formatDay,
  listOf,
  localized,
  SHOWROOM_STRINGS,
  SignupForm,
  signupFieldErrors,
  type ShowroomEvent,
  type ShowroomMedia,
} from "~/lib/showroom"
import { featuredProducts, showroomThemes, signUp } from "~/lib/showroom.server"
import "~/styles/showroom.css"

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.strings.title ?? "体验中心"} · ${data?.lang === "en" ? "Gongwucang" : "现代公物仓"}` },
]

type EventState = "open" | "full" | "closed"

function eventState(event: ShowroomEvent, now: number): EventState {
  if (new Date(event.starts_at).getTime() <= now) return "closed"
  if (event.signup_closes_at && new Date(event.signup_closes_at).getTime() <= now) return "closed"
  return event.seats_left > 0 ? "open" : "full"
}

/** /showroom — the experience centre's theme of the month, its featured products and events to sign up for. */
export async function loader({ request }: LoaderFunctionArgs) {
  const lang = await languageOf(request)
  const strings = SHOWROOM_STRINGS[lang]
  const url = new URL(request.url)
  const themes = await showroomThemes()
  const now = Date.now()
  const [current, ...later] = themes
  const featuredIds = current ? listOf<string>(current.featured_product_ids) : []
  if (current && !featuredIds.length) featuredIds.push(...(current.featured_products ?? []).map((p) => p.id))
  const products = await featuredProducts(featuredIds)
  const text = (zhText?: string | null, enText?: string | null) => localized(lang, zhText, enText)
  const theme = (t: (typeof themes)[number]) => ({
    id: t.id,
    title: text(t.title, t.title_en),
    story: text(t.story, t.story_en),
    dates: fill(strings.dates, { from: formatDay(t.starts_on, lang), to: formatDay(t.ends_on, lang) }),
    hero: listOf<ShowroomMedia>(t.hero_media).map((m) => ({ url: mediaUrl(m.url) ?? m.url, kind: m.kind ?? "image", alt: m.alt ?? "" })),
  })
  const events = themes
    .flatMap((t) => t.events ?? [])
    .filter((e) => new Date(e.ends_at).getTime() > now)
    .sort((a, b) => a.starts_at.localeCompare(b.starts_at))
    .map((e) => ({
      id: e.id,
      title: text(e.title, e.title_en),
      description: e.description ?? "",
      location: e.location ?? "",
      when: `${formatDateTime(e.starts_at, lang)} – ${formatDateTime(e.ends_at, lang)}`,
      seats_left: e.seats_left,
      state: eventState(e, now),
    }))
  const signed = url.searchParams.get("signed")
  const signedEvent = signed ? events.find((e) => e.id === signed) : undefined
  const party = Number(url.searchParams.get("party") ?? 1)
  const centre = current?.centre ?? null
  return {
    lang,
    strings,
    centre: centre ? { name: text(centre.name, centre.name_en), address: centre.address ?? null, hours: centre.opening_hours ?? null } : null,
    current: current ? theme(current) : null,
    next: later[0] ? theme(later[0]) : null,
    featured: products.map(toCard),
    events,
    notice: signedEvent ? fill(strings.signedUp, { title: signedEvent.title, count: Number.isInteger(party) ? party : 1 }) : null,
  }
}

/** POST /showroom — sign up for an event; field errors come back beside the fields. */
export async function action({ request }: ActionFunctionArgs) {
  const lang: Language = await languageOf(request)
  const strings = SHOWROOM_STRINGS[lang]
  const form = Object.fromEntries(await request.formData())
  const values = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, typeof v === "string" ? v : ""]))
  const parsed = SignupForm.safeParse(values)
  const eventId = typeof form.event_id === "string" ? form.event_id : ""
  if (!parsed.success) {
    return data({ event_id: eventId, errors: signupFieldErrors(parsed.error, strings), message: strings.fixErrors, values }, { status: 400 })
  }
  const result = await signUp(parsed.data)
  if (!result.ok) {
    return data(
      { event_id: eventId, errors: {} as Record<string, string>, message: fill(strings.errors.failed, { message: result.message }), values },
      { status: result.status }
    )
  }
  return redirect(`/showroom?signed=${encodeURIComponent(parsed.data.event_id)}&party=${parsed.data.party_size}#event-${encodeURIComponent(parsed.data.event_id)}`, 303)
}

function Field({
  eventId,
  name,
  label,
  errors,
  ...input
}: { eventId: string; name: string; label: string; errors: Record<string, string> } & InputHTMLAttributes<HTMLInputElement>) {
  const id = `${name}-${eventId}`
  const error = errors[name]
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...input} />
      {error ? (
        <p id={`${id}-error`} className="field-error" data-field={name}>
          {error}
        </p>
      ) : null}
    </div>
  )
}

export default function ShowroomPage() {
  const { strings, centre, current, next, featured, events, notice } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const busy = navigation.state === "submitting"

  return (
    <div className="showroom">
      <h1>{strings.title}</h1>
      <p className="showroom-intro">{strings.intro}</p>
      {centre ? (
        <dl className="showroom-centre">
          <div>
            <dt>{centre.name}</dt>
          </div>
          {centre.address ? (
            <div>
              <dt>{strings.address}</dt>
              <dd>{centre.address}</dd>
            </div>
          ) : null}
          {centre.hours ? (
            <div>
              <dt>{strings.hours}</dt>
              <dd>{centre.hours}</dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      {notice ? (
        <p role="status" className="notice" data-testid="signup-notice">
          {notice}
        </p>
      ) : null}

      {current ? (
        <section className="showroom-theme" aria-labelledby="theme-title" data-theme-id={current.id}>
          {current.hero[0] ? (
            <div className="showroom-hero">
              {current.hero.slice(0, 3).map((media) =>
                media.kind === "video" ? (
                  <video key={media.url} src={media.url} muted loop playsInline autoPlay aria-label={media.alt} />
                ) : (
                  <img key={media.url} src={media.url} alt={media.alt} loading="lazy" />
                )
              )}
            </div>
          ) : null}
          <p className="showroom-kicker">{strings.currentTheme}</p>
          <h2 id="theme-title">{current.title}</h2>
          <p className="showroom-dates">{current.dates}</p>
          {current.story ? <p className="showroom-story">{current.story}</p> : null}
          {featured.length ? (
            <>
              <h3>{strings.featured}</h3>
              <ul className="grid">
                {featured.map((p, i) => (
                  <ProductCard key={p.handle} product={p} lazy={i >= 4} />
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : (
        <p>{strings.noTheme}</p>
      )}

      {next ? (
        <section className="showroom-next" aria-labelledby="next-title" data-theme-id={next.id}>
          <p className="showroom-kicker">{strings.upcomingTheme}</p>
          <h2 id="next-title">{next.title}</h2>
          <p className="showroom-dates">{next.dates}</p>
          {next.story ? <p>{next.story}</p> : null}
        </section>
      ) : null}

      <section aria-labelledby="events-title" className="showroom-events">
        <h2 id="events-title">{strings.events}</h2>
        {events.length === 0 ? <p>{strings.noEvents}</p> : null}
        <ul>
          {events.map((event) => {
            const mine = actionData?.event_id === event.id ? actionData : null
            const errors = mine?.errors ?? {}
            const values = (mine?.values ?? {}) as Record<string, string>
            return (
              <li key={event.id} id={`event-${event.id}`} className="showroom-event" data-event-id={event.id} data-state={event.state}>
                <h3>{event.title}</h3>
                <p className="showroom-when">{event.when}</p>
                {event.location ? (
                  <p>
                    {strings.location}：{event.location}
                  </p>
                ) : null}
                {event.description ? <p className="showroom-description">{event.description}</p> : null}
                <p className="showroom-seats" data-seats-left={event.seats_left}>
                  {event.state === "open" ? fill(strings.seatsLeft, { count: event.seats_left }) : event.state === "full" ? strings.full : strings.closed}
                </p>
                {event.state === "open" ? (
                  <details className="showroom-signup" open={Boolean(mine)}>
                    <summary>{strings.signUp}</summary>
                    <Form method="post" aria-label={fill(strings.signUpFor, { title: event.title })} noValidate>
                      <input type="hidden" name="event_id" value={event.id} />
                      {mine?.message ? (
                        <p role="alert" className="form-error">
                          {mine.message}
                        </p>
                      ) : null}
                      <div className="field-row">
                        <Field eventId={event.id} name="name" label={strings.name} errors={errors} defaultValue={values.name} autoComplete="name" required maxLength={40} />
                        <Field eventId={event.id} name="phone" label={strings.phone} errors={errors} defaultValue={values.phone} type="tel" inputMode="numeric" autoComplete="tel" required />
                      </div>
                      <div className="field-row">
                        <Field eventId={event.id} name="email" label={strings.email} errors={errors} defaultValue={values.email} type="email" autoComplete="email" />
                        <Field eventId={event.id} name="organization_name" label={strings.organization} errors={errors} defaultValue={values.organization_name} autoComplete="organization" maxLength={80} />
                      </div>
                      <Field
                        eventId={event.id}
                        name="party_size"
                        label={strings.partySize}
                        errors={errors}
                        defaultValue={values.party_size ?? "1"}
                        type="number"
                        inputMode="numeric"
                        min={1}
                        max={Math.min(5, Math.max(1, event.seats_left))}
                      />
                      <button type="submit" className="button" disabled={busy}>
                        {strings.submit}
                      </button>
                    </Form>
                  </details>
                ) : null}
              </li>
            )
          })}
        </ul>
      </section>
      <p>
        <Link to="/">{strings.backHome}</Link>
      </p>
    </div>
  )
}
