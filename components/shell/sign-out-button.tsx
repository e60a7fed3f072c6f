"use client";

import { signOut } from "next-auth/react";

export function SignOutButton({ label }: { label: string }) {
  return (
    <button type="button" className="button-link" onClick={() => void signOut({ callbackUrl: "/sign-in" })}>
      {label}
    </button>
  );
}
