"use client";

/** Opens the browser's print dialog, where "Als PDF speichern" makes the PDF. */
export function PlanPrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="button-primary" onClick={() => window.print()}>
      {label}
    </button>
  );
}
