// Noto Sans SC split into ~100 unicode-range slices: a page downloads only the slices its
// characters fall in, and Chinese renders even where the machine has no CJK font.
import "@fontsource/noto-sans-sc/400.css"
import "@fontsource/noto-sans-sc/700.css"
import "./styles/app.css"
import type { LoaderFunctionArgs } from "@remix-run/node"
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react"
import type { ReactNode } from "react"
import { SiteSearch } from "./components/SiteSearch"
import { I18nProvider, useTranslation } from "./i18n/react"
import { i18nFor, type Messages } from "./i18n/i18n"
import { messagesFor } from "./i18n/i18n.server"
import { DEFAULT_LANGUAGE, type Language } from "./i18n/languages"
import { cartItemCount } from "./lib/cart.server"
import { compareList } from "./lib/compare.server"
import { getSession, languageOf } from "./lib/session.server"

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = await languageOf(request)
  const session = await getSession(request)
  return {
    lang,
    messages: messagesFor(lang),
    cartCount: await cartItemCount(session.get("cartId")),
    loggedIn: Boolean(session.get("token")),
    compare: compareList(session),
  }
}

const badge = (count: number) => (count > 0 ? <span className="badge" aria-label={`${count}`}>{count}</span> : null)

function Shell({
  lang,
  cartCount,
  compareCount,
  loggedIn,
  children,
}: {
  lang: Language
  cartCount: number
  compareCount: number
  loggedIn: boolean
  children: ReactNode
}) {
  const { t } = useTranslation()
  const location = useLocation()
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("site.skip")}
        </a>
        <header className="site-header">
          <Link to="/" className="brand">
            <span className="brand-name">{t("site.name")}</span>
            <span className="brand-tagline">{t("site.tagline")}</span>
          </Link>
          <SiteSearch />
          <nav aria-label={t("nav.main")} className="main-nav">
            <NavLink to="/" end>
              {t("nav.home")}
            </NavLink>
            <NavLink to="/categories">{t("nav.categories")}</NavLink>
            <NavLink to="/cart" data-testid="cart-link">
              {t("nav.cart")}
              {badge(cartCount)}
            </NavLink>
            <NavLink to="/compare" data-testid="compare-link">
              {t("nav.compare")}
              {badge(compareCount)}
            </NavLink>
            {loggedIn ? (
              <NavLink to="/account" data-testid="account-link">{t("nav.account")}</NavLink>
            ) : (
              <NavLink to="/account/login" data-testid="account-link">{t("account.loginLink")}</NavLink>
            )}
          </nav>
          <Form method="post" action="/language" className="lang-switch">
            <input type="hidden" name="lang" value={lang === "en" ? "zh-CN" : "en"} />
            <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
            <button type="submit" aria-label={t("site.language")}>
              {t("site.switchTo")}
            </button>
          </Form>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>© {t("site.name")}</p>
          <p>
            <Link to="/supplier" data-testid="supplier-portal-link">
              {t("nav.supplier")}
            </Link>
            {" · "}
            <Link to="/agency" data-testid="agency-link">
              {t("nav.agency")}
            </Link>
            {" · "}
            <Link to="/showroom" data-testid="showroom-link">
              {t("nav.showroom")}
            </Link>
          </p>
        </footer>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  )
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root")
  const lang = data?.lang ?? DEFAULT_LANGUAGE
  return (
    <I18nProvider i18n={i18nFor(lang, (data?.messages ?? {}) as Messages)}>
      <Shell lang={lang} cartCount={data?.cartCount ?? 0} compareCount={data?.compare.length ?? 0} loggedIn={data?.loggedIn ?? false}>
        {children}
      </Shell>
    </I18nProvider>
  )
}

export default function App() {
  return <Outlet />
}

export function ErrorBoundary() {
  const error = useRouteError()
  const { t } = useTranslation()
  const notFound = isRouteErrorResponse(error) && error.status === 404
  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{notFound ? t("errors.notFoundTitle") : t("errors.serverTitle")}</h1>
      <p>{notFound ? t("errors.notFoundText") : t("errors.serverText")}</p>
      <p>
        <Link to="/">{t("errors.backHome")}</Link>
      </p>
    </section>
  )
}
