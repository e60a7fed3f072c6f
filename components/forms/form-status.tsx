"use client";

/** One live region per form: success is polite, errors are assertive. */
export function FormStatus({ error, success }: { error?: string | null; success?: string | null }) {
  return (
    <>
      <div role="alert" className={error ? "form-error" : undefined}>
        {error}
      </div>
      <div role="status" className={success ? "form-success" : undefined}>
        {success}
      </div>
    </>
  );
}
