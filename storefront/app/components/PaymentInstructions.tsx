import type { TFunction } from "i18next"
import { useEffect, useRef, useState } from "react"
import { useTranslation } from "~/i18n/react"
import type { Language } from "~/i18n/languages"
import { formatDateTime, formatMoney } from "~/lib/format"
import type { MethodKind, OrderPaymentView } from "~/lib/payment"

/** A method's name in the shopper's language. */
export function methodName(t: TFunction, kind: MethodKind, labels: { zh: string | null; en: string | null; id: string }, lang: Language): string {
  if (kind !== "other") return t(`payment.methods.${kind}`)
  return (lang === "en" ? labels.en : labels.zh) ?? labels.en ?? labels.zh ?? labels.id
}

function formatDate(value: string, lang: Language): string {
  return new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "long" }).format(new Date(value))
}

/** Copies a text; shown once the page is interactive (without JavaScript the text can be selected). */
function CopyButton({ text, label, done, failed }: { text: string; label: string; done: string; failed: string }) {
  const [ready, setReady] = useState(false)
  const [status, setStatus] = useState<"" | "done" | "failed">("")
  const source = useRef<HTMLSpanElement>(null)
  useEffect(() => setReady(true), [])
  async function copy() {
    try {
      if (navigator.clipboard?.writeText) {
        await navigator.clipboard.writeText(text)
      } else {
        // Older browsers: select a hidden copy and ask for the copy command.
        const range = document.createRange()
        range.selectNodeContents(source.current!)
        const selection = window.getSelection()!
        selection.removeAllRanges()
        selection.addRange(range)
        if (!document.execCommand("copy")) throw new Error("copy refused")
        selection.removeAllRanges()
      }
      setStatus("done")
    } catch {
      setStatus("failed")
    }
  }
  if (!ready) return null
  return (
    <>
      <span ref={source} className="visually-hidden">
        {text}
      </span>
      <button type="button" className="copy-button" onClick={copy} data-testid="copy-reference">
        {label}
      </button>
      <span role="status" className="copy-status">
        {status === "done" ? done : status === "failed" ? failed : ""}
      </span>
    </>
  )
}

/**
 * What the buyer has to do (or has done) to pay an order: for a bank transfer the payment
 * reference, the platform's account, amount and due date; for the official card what was given;
 * for pay on acceptance the term.
 */
export function PaymentInstructions({ payment }: { payment: OrderPaymentView }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language as Language
  const money = formatMoney(payment.amount, lang, payment.currency)
  const name = methodName(t, payment.kind, { zh: null, en: null, id: payment.providerId }, lang)

  if (payment.kind === "bank_transfer" && payment.reference) {
    return (
      <section aria-labelledby="bank-transfer-title" className="payment-box bank-transfer" data-testid="bank-transfer">
        <h2 id="bank-transfer-title">{t("payment.bankTitle")}</h2>
        {payment.capturedAt ? (
          <p className="notice" role="status">
            {t("payment.received")}
          </p>
        ) : (
          <p className="hint">{t("payment.awaitingTransfer")}</p>
        )}
        <div className="reference-row">
          <span className="reference-label">{t("payment.reference")}</span>
          <strong className="payment-reference" data-testid="payment-reference" translate="no">
            {payment.reference}
          </strong>
          <CopyButton text={payment.reference} label={t("payment.copy")} done={t("payment.copied")} failed={t("payment.copyFailed")} />
        </div>
        <p className="remark-instruction" data-testid="remark-instruction">
          {t("payment.remarkInstruction", { reference: payment.reference })}
        </p>
        <dl className="account-facts payment-facts">
          {payment.bankAccount ? (
            <>
              <dt>{t("payment.accountName")}</dt>
              <dd data-testid="bank-account-name">{payment.bankAccount.accountName}</dd>
              <dt>{t("payment.bankName")}</dt>
              <dd data-testid="bank-name">{payment.bankAccount.bankName}</dd>
              <dt>{t("payment.accountNumber")}</dt>
              <dd data-testid="bank-account-number" translate="no">
                {payment.bankAccount.accountNumber}
              </dd>
            </>
          ) : null}
          <dt>{t("payment.amount")}</dt>
          <dd data-testid="transfer-amount">{money}</dd>
          {payment.dueAt ? (
            <>
              <dt>{t("payment.dueAt")}</dt>
              <dd data-testid="transfer-due">
                <time dateTime={payment.dueAt}>{formatDate(payment.dueAt, lang)}</time>
              </dd>
            </>
          ) : null}
        </dl>
      </section>
    )
  }

  if (payment.kind === "official_card") {
    return (
      <section aria-labelledby="card-title" className="payment-box" data-testid="official-card">
        <h2 id="card-title">{t("payment.cardTitle")}</h2>
        <p>{t("payment.cardSummary", { holder: payment.holderName ?? "—", last4: payment.last4 ?? "—" })}</p>
        <p>
          {t("payment.amount")}: <strong>{money}</strong>
        </p>
      </section>
    )
  }

  if (payment.kind === "pay_on_acceptance") {
    return (
      <section aria-labelledby="acceptance-pay-title" className="payment-box" data-testid="pay-on-acceptance">
        <h2 id="acceptance-pay-title">{t("payment.acceptanceTitle")}</h2>
        {payment.capturedAt ? (
          <p className="notice">{t("payment.received")}</p>
        ) : payment.acceptedAt && payment.dueAt ? (
          <p>{t("payment.acceptanceDue", { date: formatDateTime(payment.dueAt, lang) })}</p>
        ) : (
          <p>{t("payment.acceptanceTerms", { days: payment.termsDays ?? 30 })}</p>
        )}
        {payment.overdue && !payment.capturedAt ? (
          <p className="form-error" role="alert">
            {t("payment.overdue")}
          </p>
        ) : null}
        <p>
          {t("payment.amount")}: <strong>{money}</strong>
        </p>
      </section>
    )
  }

  return (
    <section aria-labelledby="payment-title" className="payment-box" data-testid="payment-method">
      <h2 id="payment-title">{payment.kind === "manual" ? t("payment.manualTitle") : name}</h2>
      <p>{payment.kind === "manual" ? t("payment.manualText") : t("payment.paidWith", { method: name })}</p>
    </section>
  )
}
