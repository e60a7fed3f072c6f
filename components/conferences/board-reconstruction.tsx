"use client";

import { generateKeyBetween } from "fractional-indexing";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { sortByOrderKey } from "@/server/conferences/board-state";
import { CardBody, writableCases } from "./board-cards";
import { abilitiesOn, authorColourOf, type BoardView } from "./board-view";

/**
 * The reconstruction grid: one row per case, one column per perspective (the client's and each
 * organisation at the table), with a ready check showing whose view is still missing.
 */
export function ReconstructionGrid({ view }: { view: BoardView }) {
  const t = useTranslations("conferences.board");
  const { cards, meta } = view.connection.board;
  const organisations = new Map<string, string>();
  for (const p of view.participants) if (p.organisationId && p.organisationName) organisations.set(p.organisationId, p.organisationName);
  const perspectives = [{ id: "klient", label: t("clientPerspective") }, ...[...organisations].map(([id, label]) => ({ id, label }))];
  const self = view.participants.find((p) => p.userId === view.selfId);
  const ownPerspective = self?.organisationId ?? view.selfId;
  const cases = writableCases(view);
  const gridCards = [...cards.values()].filter((c) => c.lane === "rekonstruktion");

  function addCard(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = String(data.get("text") ?? "").trim();
    const caseId = String(data.get("caseId") ?? "");
    const perspective = String(data.get("perspective") ?? "");
    if (!text) return view.connection.reportError(t("emptyCard"));
    const inCell = sortByOrderKey(gridCards.filter((c) => c.caseId === caseId && c.perspective === perspective));
    view.connection.submit({
      kind: "card.add",
      cardId: crypto.randomUUID(),
      lane: "rekonstruktion",
      text,
      orderKey: generateKeyBetween(inCell.at(-1)?.orderKey ?? null, null),
      caseId: caseId || null,
      perspective: perspective || null,
    });
    form.reset();
  }

  if (view.cases.length === 0) return <p>{t("noCasesOnAgenda")}</p>;
  return (
    <>
      <div className="table-scroll">
        <table className="board-grid">
          <caption>{t("gridCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("gridCase")}</th>
              {perspectives.map((p) => (
                <th scope="col" key={p.id}>
                  {p.label}
                </th>
              ))}
              <th scope="col">{t("readyColumn")}</th>
            </tr>
          </thead>
          <tbody>
            {view.cases.map((c) => {
              const ready = new Set(meta.ready[c.caseId] ?? []);
              const missing = [...organisations].filter(([id]) => !ready.has(id)).map(([, name]) => name);
              const iAmReady = ready.has(ownPerspective);
              return (
                <tr key={c.caseId} id={`focus-case-${c.caseId}`}>
                  <th scope="row">{t("caseBadge", { pseudonym: c.pseudonym })}</th>
                  {perspectives.map((p) => (
                    <td key={p.id} className={ready.has(p.id) ? "board-cell-ready" : undefined}>
                      {ready.has(p.id) && (
                        <p className="board-ready-mark">
                          <span aria-hidden="true">✓ </span>
                          {t("cellReady")}
                        </p>
                      )}
                      <ul className="board-cards">
                        {sortByOrderKey(gridCards.filter((card) => card.caseId === c.caseId && card.perspective === p.id)).map((card) => (
                          <li key={card.id} className="board-card" data-colour={authorColourOf(view, card)}>
                            <CardBody view={view} card={card} />
                            {!view.readOnly && abilitiesOn(view, card).delete && (
                              <button
                                type="button"
                                className="button-link"
                                onClick={() => view.connection.submit({ kind: "card.delete", cardId: card.id })}
                              >
                                {t("delete")}
                                <span className="visually-hidden">: {card.text}</span>
                              </button>
                            )}
                          </li>
                        ))}
                      </ul>
                    </td>
                  ))}
                  <td>
                    {missing.length === 0 ? <p>{t("allReady")}</p> : <p>{t("stillMissing", { names: missing.join(", ") })}</p>}
                    {!view.readOnly && c.released && (
                      <button
                        type="button"
                        className="button-link"
                        aria-pressed={iAmReady}
                        onClick={() => view.connection.submit({ kind: "ready.set", caseId: c.caseId, ready: !iAmReady })}
                      >
                        {iAmReady ? t("notReady") : t("ready")}
                        <span className="visually-hidden">: {t("caseBadge", { pseudonym: c.pseudonym })}</span>
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {!view.readOnly && cases.length > 0 && (
        <form onSubmit={addCard} className="board-add">
          <label htmlFor="grid-case">{t("gridCase")}</label>
          <select id="grid-case" name="caseId" defaultValue={meta.activeCaseId ?? cases[0]!.caseId} key={meta.activeCaseId ?? "none"}>
            {cases.map((c) => (
              <option key={c.caseId} value={c.caseId}>
                {t("caseBadge", { pseudonym: c.pseudonym })}
              </option>
            ))}
          </select>
          <label htmlFor="grid-perspective">{t("perspective")}</label>
          <select id="grid-perspective" name="perspective" defaultValue={self?.organisationId ?? "klient"}>
            {perspectives.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
          <label htmlFor="grid-text">{t("gridText")}</label>
          <textarea id="grid-text" name="text" rows={2} maxLength={500} onInput={view.connection.notifyTyping} />
          <button type="submit" className="button-secondary">
            {t("add")}
          </button>
        </form>
      )}
    </>
  );
}
