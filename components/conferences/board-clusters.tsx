"use client";

import { DndContext, PointerSensor, useDraggable, useDroppable, useSensor, useSensors, type DragEndEvent } from "@dnd-kit/core";
import { generateKeyBetween } from "fractional-indexing";
import { useTranslations } from "next-intl";
import { memo, useMemo, type FormEvent, type ReactNode } from "react";
import { clusterCaseCounts, dotTotals, dotsPlacedBy, sortByOrderKey } from "@/server/conferences/board-state";
import type { BoardCard } from "@/server/schemas/board";
import { CardBody, ParkingArea } from "./board-cards";
import { authorColourOf, laneWeight, type BoardView, type CardView } from "./board-view";
import { themeLanes } from "./board-lanes";
import { RecurrenceMatcher } from "./recurrence-matcher";

type Mode = "clustering" | "voting" | "formulation";

/**
 * The plenum board: theme cards are grouped into clusters by drag and drop (or, by keyboard, with
 * the cluster choice on each card). A cluster whose cards come from two or more cases is marked
 * as a candidate for a generative theme. In the voting phase everyone places their dots.
 */
export function ClusterBoard({ view, mode }: { view: BoardView; mode: Mode }) {
  const t = useTranslations("conferences.board");
  const { cards, meta } = view.connection.board;
  const themeCards = [...cards.values()].filter((c) => themeLanes.includes(c.lane) && !c.isSolution);
  const parked = [...cards.values()].filter((c) => c.isSolution);
  const clusters = useMemo(
    () => sortByOrderKey(Object.entries(meta.clusters).map(([id, cluster]) => ({ id, ...cluster }))),
    [meta.clusters],
  );
  const dotsLeft = view.voteBudget - dotsPlacedBy(meta, view.selfId);
  const myDots = (targetId: string) => meta.votes[view.selfId]?.[targetId] ?? 0;
  const caseCounts = clusterCaseCounts(themeCards);
  const totals = dotTotals(meta);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const mayCluster = mode === "clustering" && !view.readOnly;
  const ranked = mode === "clustering" ? clusters : [...clusters].sort((a, b) => (totals.get(b.id) ?? 0) - (totals.get(a.id) ?? 0));

  // The ranking after the vote: places by dots, equal dots share a place.
  const rankOf = (clusterId: string) => 1 + ranked.filter((c) => (totals.get(c.id) ?? 0) > (totals.get(clusterId) ?? 0)).length;

  function onDragEnd(event: DragEndEvent) {
    const cardId = String(event.active.id);
    const target = event.over ? String(event.over.id) : null;
    if (!target) return;
    const clusterId = target === "unclustered" ? null : target;
    if (cards.get(cardId)?.clusterId === clusterId) return;
    view.connection.submit({ kind: "card.cluster", cardId, clusterId });
  }

  function addCluster(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const title = String(new FormData(form).get("title") ?? "").trim();
    if (!title) return view.connection.reportError(t("emptyCluster"));
    view.connection.submit({
      kind: "cluster.add",
      clusterId: crypto.randomUUID(),
      title,
      orderKey: generateKeyBetween(clusters.at(-1)?.orderKey ?? null, null),
    });
    form.reset();
  }

  const column = (id: string, title: ReactNode, members: BoardCard[], extra?: ReactNode) => (
    <DropColumn key={id} id={id} enabled={mayCluster} weight={members.length}>
      {title}
      <p className="board-lane-count">{t("laneCount", { count: members.length })}</p>
      {extra}
      <ul className="board-cards">
        {sortByOrderKey(members).map((card) => (
          <ClusterCard
            key={card.id}
            view={view.cardView}
            card={card}
            clusters={clusters}
            mayCluster={mayCluster}
            voting={mode === "voting"}
            mine={myDots(card.id)}
            left={dotsLeft}
          />
        ))}
      </ul>
    </DropColumn>
  );

  return (
    <>
      {mode === "voting" && <p className="board-budget">{t("budgetLeft", { left: dotsLeft, budget: view.voteBudget })}</p>}
      <p className="board-card-meta">{t("dragInstructions")}</p>
      {mayCluster && (
        <form onSubmit={addCluster} className="board-add-inline">
          <label htmlFor="new-cluster">{t("newCluster")}</label>
          <input id="new-cluster" name="title" maxLength={120} />
          <button type="submit" className="button-secondary">
            {t("addCluster")}
          </button>
        </form>
      )}
      <DndContext sensors={sensors} onDragEnd={onDragEnd}>
        <div className="board-lanes">
          {column(
            "unclustered",
            <h3 id="lane-unclustered">{t("unclustered")}</h3>,
            themeCards.filter((c) => !c.clusterId || !meta.clusters[c.clusterId]),
          )}
          {ranked.map((cluster) => {
            const caseCount = caseCounts.get(cluster.id) ?? 0;
            return column(
              cluster.id,
              <h3 id={`focus-cluster-${cluster.id}`} tabIndex={-1}>
                {cluster.title}
              </h3>,
              themeCards.filter((c) => c.clusterId === cluster.id),
              <>
                {caseCount >= 2 && <p className="status-badge board-generative">{t("generativeCandidate", { count: caseCount })}</p>}
                {mode !== "clustering" && (
                  <Dots count={totals.get(cluster.id) ?? 0} rank={mode === "formulation" ? rankOf(cluster.id) : null} />
                )}
                {mode === "voting" && (
                  <DotControls view={view.cardView} targetId={cluster.id} label={cluster.title} mine={myDots(cluster.id)} left={dotsLeft} />
                )}
                {mode === "formulation" && view.isModerator && !view.readOnly && view.type === "fallrekonstruktion" && (
                  <RecurrenceMatcher conferenceId={view.conferenceId} clusterId={cluster.id} clusterTitle={cluster.title} />
                )}
                {view.isModerator && mode === "clustering" && !view.readOnly && (
                  <button
                    type="button"
                    className="button-link"
                    onClick={() => view.connection.submit({ kind: "cluster.delete", clusterId: cluster.id })}
                  >
                    {t("deleteCluster")}
                    <span className="visually-hidden">: {cluster.title}</span>
                  </button>
                )}
              </>,
            );
          })}
        </div>
      </DndContext>
      {mode === "formulation" && <p>{t("formulationHint")}</p>}
      {parked.length > 0 && <ParkingArea view={view} cards={parked} />}
    </>
  );
}

function DropColumn({ id, enabled, weight, children }: { id: string; enabled: boolean; weight: number; children: ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id, disabled: !enabled });
  return (
    <section
      ref={setNodeRef}
      className={isOver ? "board-lane board-lane-over" : "board-lane"}
      style={laneWeight(weight)}
      aria-labelledby={id === "unclustered" ? "lane-unclustered" : `focus-cluster-${id}`}
    >
      {children}
    </section>
  );
}

function DraggableCard({
  card,
  enabled,
  colour,
  children,
}: {
  card: BoardCard;
  enabled: boolean;
  colour: number | undefined;
  children: ReactNode;
}) {
  const { listeners, setNodeRef, transform, isDragging } = useDraggable({ id: card.id, disabled: !enabled });
  const style = transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)` } : undefined;
  // Dragging is the mouse's way; keyboard and screen reader users choose the cluster on the card,
  // so the list item keeps its list semantics instead of becoming a button.
  return (
    <li
      ref={setNodeRef}
      id={`focus-card-${card.id}`}
      style={style}
      className={isDragging ? "board-card board-card-dragging" : "board-card"}
      data-colour={colour}
      {...listeners}
    >
      {children}
    </li>
  );
}

/** One card on the plenum wall; it renders again only when the card, the clusters or its dots changed. */
const ClusterCard = memo(function ClusterCard({
  view,
  card,
  clusters,
  mayCluster,
  voting,
  mine,
  left,
}: {
  view: CardView;
  card: BoardCard;
  clusters: ClusterOption[];
  mayCluster: boolean;
  voting: boolean;
  mine: number;
  left: number;
}) {
  const t = useTranslations("conferences.board");
  const movable = mayCluster && !card.restricted;
  return (
    <DraggableCard card={card} enabled={movable} colour={authorColourOf(view, card)}>
      <CardBody view={view} card={card} />
      {movable && <ClusterChoice view={view} card={card} clusters={clusters} />}
      {voting && <DotControls view={view} targetId={card.id} label={card.text || t("hiddenCard")} mine={mine} left={left} />}
    </DraggableCard>
  );
});

interface ClusterOption {
  id: string;
  title: string;
}

/** The keyboard way to cluster: choose the cluster on the card. */
function ClusterChoice({ view, card, clusters }: { view: CardView; card: BoardCard; clusters: ClusterOption[] }) {
  const t = useTranslations("conferences.board");
  return (
    <>
      <label htmlFor={`cluster-of-${card.id}`} className="visually-hidden">
        {t("clusterOf", { text: card.text || t("hiddenCard") })}
      </label>
      <select
        id={`cluster-of-${card.id}`}
        value={card.clusterId ?? ""}
        onChange={(event) => view.submit({ kind: "card.cluster", cardId: card.id, clusterId: event.target.value || null })}
      >
        <option value="">{t("unclustered")}</option>
        {clusters.map((c) => (
          <option key={c.id} value={c.id}>
            {c.title}
          </option>
        ))}
      </select>
    </>
  );
}

function DotControls({
  view,
  targetId,
  label,
  mine,
  left,
}: {
  view: CardView;
  targetId: string;
  label: string;
  mine: number;
  left: number;
}) {
  const t = useTranslations("conferences.board");
  if (view.readOnly) return null;
  return (
    <div className="row-actions board-dot-controls">
      <button
        type="button"
        className="button-secondary"
        disabled={left <= 0}
        onClick={() => view.submit({ kind: "vote.set", targetId, dots: mine + 1 })}
      >
        {/* Short on the wall; the whole label for screen readers, starting with the visible word. */}
        <span aria-hidden="true">+ </span>
        {t("dotWord")}
        <span className="visually-hidden"> {t("dotFor", { label })}</span>
      </button>
      <button
        type="button"
        className="button-link"
        disabled={mine === 0}
        onClick={() => view.submit({ kind: "vote.set", targetId, dots: mine - 1 })}
      >
        {t("dotBack")}
        <span className="visually-hidden">: „{label}“</span>
      </button>
      {mine > 0 && <span>{t("myDots", { count: mine })}</span>}
    </div>
  );
}

/** The dots on a cluster as the room placed them, with their number in words beside them. */
function Dots({ count, rank }: { count: number; rank: number | null }) {
  const t = useTranslations("conferences.board");
  return (
    <p className="board-dots">
      {rank !== null && count > 0 && <strong className="status-badge">{t("rank", { rank })}</strong>}{" "}
      <span aria-hidden="true" className="board-dot-row">
        {Array.from({ length: Math.min(count, 24) }, (_, index) => (
          <span key={index} className="board-dot" />
        ))}
      </span>{" "}
      {t("dotTotal", { count })}
    </p>
  );
}
