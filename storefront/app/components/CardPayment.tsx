import type { PaymentIntent, Stripe, StripeCardElement, StripeError } from "@stripe/stripe-js"
import { loadStripe } from "@stripe/stripe-js/pure"
import { useEffect, useRef, useState, type FormEvent } from "react"
import type { TFunction } from "i18next"
import { useTranslation } from "~/i18n/react"
import type { Language } from "~/i18n/languages"
import { formatMoney } from "~/lib/format"

// Paying by card (Stripe, `pp_stripe_stripe`): Stripe.js takes the card in its own Element (the
// card number never reaches our servers) and confirms the cart's PaymentIntent with its
// client_secret. When the bank asks for 3-D Secure (`requires_action`), Stripe.js shows the bank's
// challenge itself and resolves once the buyer has passed or failed it. We only learn the outcome.
// `/pure` loads Stripe.js when loadStripe is called, so no other page fetches it.

/** Authorised (manual capture) or already captured: the backend will accept the cart. */
const AUTHORISED: ReadonlySet<PaymentIntent.Status> = new Set(["requires_capture", "succeeded"])

type Phase = "loading" | "ready" | "confirming" | "authorised" | "unavailable"

/** What to tell the buyer about a refused payment, in their language (Stripe's codes, not its texts). */
export function cardErrorMessage(t: TFunction, error: Pick<StripeError, "type" | "code" | "message">): string {
  if (error.code === "payment_intent_authentication_failure") return t("payment.bankCard.authFailed")
  if (error.code === "card_declined" || (error.type === "card_error" && /declin/i.test(error.code ?? ""))) return t("payment.bankCard.declined")
  // What is wrong with the typed card: Stripe.js words it in the Element's locale (zh / en).
  if (error.type === "validation_error") return error.message || t("payment.bankCard.incomplete")
  if (/^(incomplete|invalid)_/.test(error.code ?? "")) return t("payment.bankCard.incomplete")
  return t("payment.bankCard.failed", { message: error.message ?? error.code ?? "" })
}

export function CardPayment({
  publishableKey,
  clientSecret,
  amount,
  currency,
  onAuthorised,
}: {
  publishableKey: string
  clientSecret: string
  amount: number | null | undefined
  currency: string
  /** Called once Stripe has authorised the payment: the page then places the order. */
  onAuthorised: () => void
}) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language as Language
  const mountRef = useRef<HTMLDivElement>(null)
  const stripeRef = useRef<Stripe | null>(null)
  const cardRef = useRef<StripeCardElement | null>(null)
  const [phase, setPhase] = useState<Phase>("loading")
  const [error, setError] = useState<string | null>(null)
  // The card fields live in Stripe's iframe: the page draws the focus ring around it.
  const [focused, setFocused] = useState(false)

  useEffect(() => {
    let cancelled = false
    let card: StripeCardElement | null = null
    const locale = lang === "en" ? "en" : "zh"
    loadStripe(publishableKey, { locale })
      .then((stripe) => {
        if (cancelled || !mountRef.current) return
        if (!stripe) throw new Error("Stripe.js did not load")
        stripeRef.current = stripe
        card = stripe.elements({ locale }).create("card", {
          hidePostalCode: true,
          style: { base: { fontSize: "16px", lineHeight: "24px", color: "#1f2937" } },
        })
        card.on("ready", () => !cancelled && setPhase("ready"))
        card.on("focus", () => setFocused(true))
        card.on("blur", () => setFocused(false))
        // Stripe checks the card as it is typed: what is wrong shows until it is fixed, and a
        // new card clears the last refusal.
        card.on("change", (event) => setError(event.error ? cardErrorMessage(t, event.error) : null))
        card.mount(mountRef.current)
        cardRef.current = card
      })
      .catch(() => !cancelled && setPhase("unavailable"))
    return () => {
      cancelled = true
      card?.destroy()
      cardRef.current = null
    }
  }, [publishableKey, lang, t])

  async function pay(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const stripe = stripeRef.current
    const card = cardRef.current
    if (!stripe || !card || phase !== "ready") return
    setPhase("confirming")
    setError(null)
    let result: Awaited<ReturnType<Stripe["confirmCardPayment"]>>
    try {
      result = await stripe.confirmCardPayment(clientSecret, { payment_method: { card } })
    } catch (thrown) {
      result = { error: { type: "api_connection_error", message: (thrown as Error).message } as StripeError }
    }
    // Paid before (the order was not placed yet, e.g. the page was reloaded): Stripe refuses a
    // second confirmation but says the intent is authorised, so go on to place the order.
    const intent = result.paymentIntent ?? result.error?.payment_intent
    if (intent && AUTHORISED.has(intent.status)) {
      setPhase("authorised")
      onAuthorised()
      return
    }
    setPhase("ready")
    setError(cardErrorMessage(t, result.error ?? { type: "card_error", message: intent?.status ?? "" }))
    // Back to the card, to correct it or try another one.
    card.focus()
  }

  const busy = phase === "confirming" || phase === "authorised"
  const status =
    phase === "loading" ? t("payment.bankCard.loading") : phase === "confirming" ? t("payment.bankCard.confirming") : phase === "authorised" ? t("payment.bankCard.authorised") : ""
  return (
    <form className="payment-box card-payment" onSubmit={pay} aria-busy={busy} noValidate>
      <p id="card-payment-text">{t("payment.bankCard.text")}</p>
      <div className="field">
        {/* The Element is Stripe's iframe: a click on the label focuses it like a native input. */}
        <label id="card-element-label" onClick={() => cardRef.current?.focus()}>
          {t("payment.bankCard.label")}
        </label>
        <div
          id="card-element"
          ref={mountRef}
          role="group"
          aria-labelledby="card-element-label"
          aria-describedby={error ? "card-payment-error" : "card-payment-text"}
          data-testid="card-element"
          style={{
            minHeight: 44,
            padding: "10px 12px",
            border: "1px solid #9ca3af",
            borderRadius: 6,
            background: "#fff",
            boxSizing: "border-box",
            maxWidth: 480,
            outline: focused ? "3px solid var(--focus)" : undefined,
            outlineOffset: 2,
          }}
        />
      </div>
      <noscript>
        <p className="form-error">{t("payment.bankCard.loadFailed")}</p>
      </noscript>
      {phase === "unavailable" ? (
        <p role="alert" className="form-error">
          {t("payment.bankCard.loadFailed")}
        </p>
      ) : null}
      {error ? (
        <p id="card-payment-error" role="alert" className="form-error" data-testid="card-payment-error">
          {error}
        </p>
      ) : null}
      <p role="status" aria-live="polite" className="hint" data-testid="card-payment-status">
        {status}
      </p>
      <button type="submit" className="pay-button" disabled={phase !== "ready"}>
        {t("payment.bankCard.pay", { amount: formatMoney(amount, lang, currency) })}
      </button>
    </form>
  )
}
