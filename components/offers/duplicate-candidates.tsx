"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { DuplicateOfferCandidate, OfferRow } from "@/server/offers/offers";

import { FormStatus } from "../forms/form-status";
import { useTRPC } from "../trpc/client";
import styles from "./offer-directory.module.css";

export function DuplicateCandidates({
  onEdit,
  onToggleActive,
  pending,
}: {
  onEdit: (offer: OfferRow) => void;
  onToggleActive: (offer: OfferRow, onDone: (message: string) => void) => void;
  pending: boolean;
}) {
  const t = useTranslations("offers");
  const trpc = useTRPC();
  const candidates = useQuery(trpc.offers.duplicateCandidates.queryOptions());
  const [status, setStatus] = useState<string | null>(null);
  const reasonOf = (candidate: DuplicateOfferCandidate) =>
    candidate.reason === "sameTitle"
      ? t("duplicates.sameTitle")
      : t("duplicates.sameProviderLifeArea", {
          areas: candidate.lifeAreas.map((area) => t(`lifeAreas.${area}`)).join(", "),
        });
  const labelOf = (offer: OfferRow) =>
    t("duplicates.offerLabel", {
      title: offer.title,
      provider: offer.providerName ?? t("noProvider"),
      kommune: offer.kommuneName ?? t("countywide"),
    });

  return (
    <section aria-labelledby="offer-duplicates-title">
      <h2 id="offer-duplicates-title">{t("duplicates.title")}</h2>
      <p>{t("duplicates.intro")}</p>
      <FormStatus success={status} />
      {candidates.error && (
        <p role="alert" className="form-error">
          {candidates.error.message}
        </p>
      )}
      {candidates.isSuccess && candidates.data.length === 0 && <p>{t("duplicates.none")}</p>}
      {candidates.isSuccess && candidates.data.length > 0 && (
        <table>
          <caption className="visually-hidden">{t("duplicates.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("duplicates.reason")}</th>
              <th scope="col">{t("duplicates.offersColumn")}</th>
            </tr>
          </thead>
          <tbody>
            {candidates.data.map((candidate) => (
              <tr key={`${candidate.reason}-${candidate.offers.map((offer) => offer.id).join("-")}`}>
                <td>{reasonOf(candidate)}</td>
                <td>
                  <ul className={styles.candidateList}>
                    {candidate.offers.map((offer) => (
                      <li key={offer.id}>
                        <span>{labelOf(offer)}</span>
                        <span className="row-actions">
                          <button type="button" className="button-link" onClick={() => onEdit(offer)}>
                            {t("edit")} <span className="visually-hidden">{labelOf(offer)}</span>
                          </button>
                          <button type="button" className="button-link" disabled={pending} onClick={() => onToggleActive(offer, setStatus)}>
                            {t("deactivate")} <span className="visually-hidden">{labelOf(offer)}</span>
                          </button>
                        </span>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
