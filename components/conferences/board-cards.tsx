"use client";

import { generateKeyBetween } from "fractional-indexing";
import { useTranslations } from "next-intl";
import { memo, useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { sortByOrderKey } from "@/server/conferences/board-state";
import type { BoardCard } from "@/server/schemas/board";
import { lifeAreas } from "@/server/schemas/case-kinds";
import { abilitiesOn, authorColourOf, laneWeight, type BoardView, type CardView } from "./board-view";

export function CardLanes({ view, lanes }: { view: BoardView; lanes: readonly string[] }) {
  const t = useTranslations("conferences.board");
  const { cards } = view.connection.board;
  // Sorted once per change of the board, not once per lane and render.
  const { byLane, parked } = useMemo(() => {
    const byLane = new Map<string, BoardCard[]>(lanes.map((lane) => [lane, []]));
    const parked: BoardCard[] = [];
    for (const card of cards.values()) {
      if (card.isSolution) parked.push(card);
      else byLane.get(card.lane)?.push(card);
    }
    for (const [lane, members] of byLane) byLane.set(lane, sortByOrderKey(members));
    return { byLane, parked };
  }, [cards, lanes]);
  const lastKey = useLastKeys(byLane);
  return (
    <>
      <div className="board-lanes">
        {lanes.map((lane, laneIndex) => {
          const members = byLane.get(lane) ?? [];
          return (
            <section key={lane} className="board-lane" aria-labelledby={`lane-${lane}`} style={laneWeight(members.length)}>
              <h3 id={`lane-${lane}`}>
                {t(`lanes.${lane}`)} <span className="board-lane-count">({t("laneCount", { count: members.length })})</span>
              </h3>
              {!view.readOnly && (
                <AddCardForm view={view.cardView} lane={lane} lastKey={lastKey} activeCaseId={view.connection.board.meta.activeCaseId} />
              )}
              <ul className="board-cards">
                {members.map((card) => (
                  <LaneCard key={card.id} view={view.cardView} card={card} lanes={lanes} laneIndex={laneIndex} lastKey={lastKey} />
                ))}
              </ul>
            </section>
          );
        })}
      </div>
      {parked.length > 0 && <ParkingArea view={view.cardView} cards={parked} />}
    </>
  );
}

/** The last order key per lane, read when a card is added or moved, through one stable function. */
function useLastKeys(byLane: Map<string, BoardCard[]>) {
  const lastKeys = useRef(byLane);
  useEffect(() => {
    lastKeys.current = byLane;
  }, [byLane]);
  return useCallback((lane: string) => lastKeys.current.get(lane)?.at(-1)?.orderKey ?? null, []);
}

/** A card in its lane, with what moving it to a neighbouring lane needs. */
interface CardInLane {
  view: CardView;
  card: BoardCard;
  lanes: readonly string[];
  laneIndex: number;
  lastKey: (lane: string) => string | null;
}

/** One sticky note; it renders again only when the card itself (or the room's facts) changed. */
const LaneCard = memo(function LaneCard({ view, card, lanes, laneIndex, lastKey }: CardInLane) {
  return (
    <li id={`focus-card-${card.id}`} className="board-card" data-colour={authorColourOf(view, card)}>
      <CardBody view={view} card={card} />
      <CardActions view={view} card={card} lanes={lanes} laneIndex={laneIndex} lastKey={lastKey} />
    </li>
  );
});

export function ParkingArea({ view, cards }: { view: CardView; cards: BoardCard[] }) {
  const t = useTranslations("conferences.board");
  return (
    <section aria-labelledby="parking-title" className="board-parking">
      <h3 id="parking-title">
        {t("parking")} <span className="board-lane-count">({t("laneCount", { count: cards.length })})</span>
      </h3>
      <ul className="board-cards">
        {cards.map((card) => (
          <li key={card.id} id={`focus-card-${card.id}`} className="board-card" data-colour={authorColourOf(view, card)}>
            <CardBody view={view} card={card} />
            {view.isModerator && !view.readOnly && (
              <button
                type="button"
                className="button-link"
                onClick={() => view.submit({ kind: "card.solution", cardId: card.id, isSolution: false })}
              >
                {t("backToThemes")}
                <span className="visually-hidden">: {card.text}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function CardBody({ view, card }: { view: Pick<CardView, "cases" | "nameOf">; card: BoardCard }) {
  const t = useTranslations("conferences.board");
  const pseudonym = card.caseId ? view.cases.find((c) => c.caseId === card.caseId)?.pseudonym : null;
  return (
    <>
      {card.restricted ? (
        <p className="board-card-muted">{t("restrictedCard")}</p>
      ) : card.isHidden && !card.text ? (
        <p className="board-card-muted">{t("hiddenCard")}</p>
      ) : (
        <p>{card.text}</p>
      )}
      <p className="board-card-meta">
        {pseudonym && <span className="status-badge">{t("caseBadge", { pseudonym })}</span>}
        {card.isHidden && card.text && <span className="status-badge">{t("hiddenOwn")}</span>}
        {card.authorUserId && <span> {view.nameOf(card.authorUserId)}</span>}
      </p>
    </>
  );
}

function CardActions({ view, card, lanes, laneIndex, lastKey }: CardInLane) {
  const t = useTranslations("conferences.board");
  const [editing, setEditing] = useState(false);
  if (view.readOnly || card.restricted) return null;
  const may = abilitiesOn(view, card);
  const submit = view.submit;
  const label = <span className="visually-hidden">: {card.text || t("hiddenCard")}</span>;
  const move = (lane: string) => submit({ kind: "card.move", cardId: card.id, lane, orderKey: generateKeyBetween(lastKey(lane), null) });
  return (
    <>
      {editing && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const text = String(new FormData(event.currentTarget).get("text") ?? "").trim();
            if (text) submit({ kind: "card.edit", cardId: card.id, text });
            setEditing(false);
          }}
        >
          <label htmlFor={`edit-${card.id}`} className="visually-hidden">
            {t("editLabel")}
          </label>
          <textarea id={`edit-${card.id}`} name="text" defaultValue={card.text} rows={2} autoFocus />
          <button type="submit" className="button-link">
            {t("save")}
          </button>
        </form>
      )}
      <div className="row-actions">
        {may?.move && laneIndex > 0 && (
          <button type="button" className="button-link" onClick={() => move(lanes[laneIndex - 1]!)}>
            {t("moveTo", { lane: t(`lanes.${lanes[laneIndex - 1]!}`) })}
            {label}
          </button>
        )}
        {may?.move && laneIndex < lanes.length - 1 && (
          <button type="button" className="button-link" onClick={() => move(lanes[laneIndex + 1]!)}>
            {t("moveTo", { lane: t(`lanes.${lanes[laneIndex + 1]!}`) })}
            {label}
          </button>
        )}
        {may?.edit && !editing && (
          <button type="button" className="button-link" onClick={() => setEditing(true)}>
            {t("edit")}
            {label}
          </button>
        )}
        {may?.delete && (
          <button type="button" className="button-link" onClick={() => submit({ kind: "card.delete", cardId: card.id })}>
            {t("delete")}
            {label}
          </button>
        )}
        {view.isModerator && view.type === "planungskonferenz" && (
          <button
            type="button"
            className="button-link"
            onClick={() => submit({ kind: "card.solution", cardId: card.id, isSolution: true })}
          >
            {t("markSolution")}
            {label}
          </button>
        )}
      </div>
    </>
  );
}

/** The cases a participant may write about: on the agenda and released to them. */
export function writableCases(view: Pick<CardView, "cases">) {
  return view.cases.filter((c) => c.released);
}

function AddCardForm({
  view,
  lane,
  lastKey,
  activeCaseId,
}: {
  view: CardView;
  lane: string;
  lastKey: (lane: string) => string | null;
  activeCaseId: string | null;
}) {
  const t = useTranslations("conferences.board");
  const tCases = useTranslations("cases");
  const cases = writableCases(view);
  const active = activeCaseId;
  function addCard(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = String(data.get("text") ?? "").trim();
    if (!text) return view.reportError(t("emptyCard"));
    const caseId = String(data.get("caseId") ?? "") || null;
    // A life area only narrows a case card: the card then reaches only those whose consent covers it.
    const lifeArea = caseId ? lifeAreas.find((area) => area === data.get("lifeArea")) : undefined;
    view.submit({
      kind: "card.add",
      cardId: crypto.randomUUID(),
      lane,
      text,
      orderKey: generateKeyBetween(lastKey(lane), null),
      caseId,
      perspective: null,
      ...(lifeArea ? { lifeArea } : {}),
    });
    form.reset();
  }
  return (
    <form onSubmit={addCard} className="board-add">
      {/* Each label sits with its own control, apart from the one above, so the pairs read as pairs. */}
      <div className="board-add-field">
        <label htmlFor={`new-${lane}`}>{t("newCard", { lane: t(`lanes.${lane}`) })}</label>
        <textarea id={`new-${lane}`} name="text" rows={2} maxLength={500} onInput={view.notifyTyping} />
      </div>
      {cases.length > 0 && (
        <>
          <div className="board-add-field">
            <label htmlFor={`case-${lane}`}>{t("cardCase")}</label>
            <select
              id={`case-${lane}`}
              name="caseId"
              defaultValue={active && cases.some((c) => c.caseId === active) ? active : ""}
              key={active ?? "none"}
            >
              <option value="">{t("noCase")}</option>
              {cases.map((c) => (
                <option key={c.caseId} value={c.caseId}>
                  {t("caseBadge", { pseudonym: c.pseudonym })}
                </option>
              ))}
            </select>
          </div>
          <div className="board-add-field">
            <label htmlFor={`life-area-${lane}`}>{t("cardLifeArea")}</label>
            <select id={`life-area-${lane}`} name="lifeArea" defaultValue="" aria-describedby={`life-area-${lane}-hint`}>
              <option value="">{t("noLifeArea")}</option>
              {lifeAreas.map((area) => (
                <option key={area} value={area}>
                  {tCases(`lifeAreas.${area}`)}
                </option>
              ))}
            </select>
            <p id={`life-area-${lane}-hint`} className="field-hint">
              {t("cardLifeAreaHint")}
            </p>
          </div>
        </>
      )}
      <button type="submit" className="button-secondary">
        {t("add")}
      </button>
    </form>
  );
}
