import type { InputHTMLAttributes } from "react"

export type FieldErrors = Partial<Record<string, string>>

/** A labelled input; a server-side error marks it invalid and is read out with it. */
export function AccountField({
  name,
  label,
  errors,
  hint,
  id = name,
  ...input
}: { name: string; label: string; errors: FieldErrors; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const error = errors[name]
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ")
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy || undefined} {...input} />
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  )
}

/** The form-level message (role=alert, so screen readers announce it after a submit). */
export function AccountFormError({ message }: { message: string | null | undefined }) {
  return message ? (
    <p role="alert" className="form-error">
      {message}
    </p>
  ) : null
}
