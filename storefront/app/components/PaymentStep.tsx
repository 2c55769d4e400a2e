import { useTranslation } from "~/i18n/react"
import type { Language } from "~/i18n/languages"
import { OFFICIAL_CARD, type PaymentMethod } from "~/lib/payment"
import { methodName } from "./PaymentInstructions"

type Errors = Partial<Record<string, string>>

function CardField({ name, label, errors, ...input }: { name: string; label: string; errors: Errors } & React.InputHTMLAttributes<HTMLInputElement>) {
  const error = errors[name]
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input
        id={name}
        name={name}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${name}-error` : undefined}
        {...input}
      />
      {error ? (
        <p id={`${name}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  )
}

/**
 * The checkout's payment step: the methods the buyer may use as one radio group (arrow keys move
 * between them; each option is a large target), what each means, and the official card's fields.
 * Before the page is interactive (or without JavaScript) every method's details stay visible.
 */
export function PaymentStep({
  methods,
  selected,
  onSelect,
  errors,
  values,
  terms,
  hydrated,
}: {
  methods: PaymentMethod[]
  selected: string
  onSelect: (id: string) => void
  errors: Errors
  values: Partial<Record<string, string>>
  terms: { bankTransferDays: number; payOnAcceptanceDays: number }
  hydrated: boolean
}) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language as Language
  const offersCard = methods.some((m) => m.id === OFFICIAL_CARD)
  return (
    <fieldset className="payment-step" aria-describedby="payment-intro">
      <legend>{t("payment.legend")}</legend>
      <p id="payment-intro" className="hint">
        {t("payment.intro")}
      </p>
      {errors.payment ? (
        <p id="payment-error" className="field-error" role="alert" data-testid="payment-error">
          {errors.payment}
        </p>
      ) : null}
      {methods.length === 0 ? <p className="form-error">{t("payment.none")}</p> : null}
      <div className="payment-options">
        {methods.map((method) => {
          const key = method.id.replace(/[^\w-]/g, "_")
          const name = methodName(t, method.kind, { zh: method.labelZh, en: method.labelEn, id: method.id }, lang)
          const describe =
            method.kind === "other"
              ? ""
              : t(`payment.describe.${method.kind}`, {
                  days: method.kind === "pay_on_acceptance" ? terms.payOnAcceptanceDays : terms.bankTransferDays,
                })
          return (
            <label key={method.id} className="payment-option" data-method={method.id}>
              <input
                type="radio"
                name="payment"
                value={method.id}
                checked={selected === method.id}
                onChange={() => onSelect(method.id)}
                aria-labelledby={`pm-${key}-name`}
                aria-describedby={describe ? `pm-${key}-desc` : undefined}
              />
              <span className="payment-option-text">
                <span id={`pm-${key}-name`} className="payment-option-name">
                  {name}
                </span>
                {describe ? (
                  <span id={`pm-${key}-desc`} className="payment-option-desc">
                    {describe}
                  </span>
                ) : null}
              </span>
            </label>
          )
        })}
      </div>
      {offersCard ? (
        <div className="payment-details" data-testid="card-details" hidden={hydrated && selected !== OFFICIAL_CARD}>
          <CardField name="card_holder_name" label={t("payment.cardHolder")} errors={errors} maxLength={50} defaultValue={values.card_holder_name ?? ""} />
          <CardField
            name="card_last4"
            label={t("payment.cardLast4")}
            errors={errors}
            inputMode="numeric"
            maxLength={4}
            pattern="[0-9]{4}"
            defaultValue={values.card_last4 ?? ""}
          />
          <CardField
            name="card_auth_code"
            label={t("payment.cardAuthCode")}
            errors={errors}
            maxLength={6}
            autoCapitalize="characters"
            spellCheck={false}
            defaultValue={values.card_auth_code ?? ""}
          />
        </div>
      ) : null}
    </fieldset>
  )
}
