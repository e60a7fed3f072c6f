import { sql, type SQL } from "drizzle-orm";
import { executePrepared, type Executor } from "@/db";
import type { BoardCard, BoardMeta, ServerOperation } from "../schemas/board";

/**
 * What an operation reads besides the conference, in the same statement and so the same snapshot:
 * the card it names (in any meeting: a new card's id must be free everywhere) and its own first
 * result if the browser sent it before.
 */
export function readAlongsideOperation(conferenceId: string, clientOpId: string, cardId: string | null) {
  return {
    namedCard: cardId
      ? sql<StoredCard | null>`(select json_build_object(
          'conferenceId', c.conference_id, 'id', c.id, 'lane', c.lane, 'text', c.text, 'orderKey', c.order_key,
          'authorUserId', c.author_user_id, 'caseId', c.case_id, 'lifeArea', c.life_area, 'perspective', c.perspective,
          'month', c.month, 'clusterId', c.cluster_id, 'isHidden', c.is_hidden, 'isSolution', c.is_solution,
          'updatedSeq', c.updated_seq) from board_cards c where c.id = ${cardId}::uuid)`
      : sql<StoredCard | null>`null`,
    previous: sql<StoredOperation | null>`(select json_build_object(
        'conferenceId', o.conference_id, 'seq', o.seq, 'clientOpId', o.client_op_id, 'actorUserId', o.actor_user_id,
        'kind', o.kind, 'payload', o.payload)
        from board_operations o where o.conference_id = ${conferenceId}::uuid and o.client_op_id = ${clientOpId})`,
  } satisfies Record<string, SQL>;
}

export type StoredCard = Omit<BoardCard, "restricted" | "abilities"> & { conferenceId: string };
export interface StoredOperation {
  conferenceId: string;
  seq: number;
  clientOpId: string;
  actorUserId: string;
  kind: ServerOperation["kind"];
  payload: Record<string, unknown>;
}

/** Some drivers hand json back as text. */
export function parsedJson<T>(value: T | string | null): T | null {
  return typeof value === "string" ? (JSON.parse(value) as T) : value;
}

export interface OperationWrite {
  conferenceId: string;
  /** The number the operation gets; the board must still be at the one before. */
  seq: number;
  meta: BoardMeta;
  clientOpId: string;
  actorUserId: string;
  op: ServerOperation;
  upserted: BoardCard[];
  deletedCardIds: string[];
}

/**
 * Writes an operation in one statement, committed on its own: the conference's new sequence number
 * and state, the operation, and the cards it changed or removed. All of it happens only if the board
 * is still where the operation was decided (no other operation of the meeting came in between) and
 * the meeting is not finished; otherwise nothing is written and the result is false.
 */
export async function writeOperation(db: Executor, write: OperationWrite): Promise<boolean> {
  const { kind, ...payload } = write.op;
  const cards = write.upserted.map((card) => ({
    id: card.id,
    lane: card.lane,
    text: card.text,
    order_key: card.orderKey,
    author_user_id: card.authorUserId,
    case_id: card.caseId,
    perspective: card.perspective,
    life_area: card.lifeArea ?? null,
    cluster_id: card.clusterId,
    is_hidden: card.isHidden,
    is_solution: card.isSolution,
    month: card.month ?? null,
    updated_seq: card.updatedSeq,
  }));
  const rows = await executePrepared<{ advanced: number }>(
    db,
    "board_write",
    sql`
    with advanced as (
      update conferences set last_seq = ${write.seq}, board_meta = ${JSON.stringify(write.meta)}::jsonb, updated_at = now()
       where id = ${write.conferenceId}::uuid and last_seq = ${write.seq - 1} and status <> 'finished'
      returning id
    ), operation as (
      insert into board_operations (conference_id, seq, client_op_id, actor_user_id, kind, payload)
      select id, ${write.seq}, ${write.clientOpId}, ${write.actorUserId}::uuid, ${kind}, ${JSON.stringify(payload)}::jsonb from advanced
    ), written as (
      insert into board_cards (id, conference_id, lane, text, order_key, author_user_id, case_id, perspective, life_area,
                               cluster_id, is_hidden, is_solution, month, updated_seq)
      select c.id, advanced.id, c.lane, c.text, c.order_key, c.author_user_id, c.case_id, c.perspective, c.life_area,
             c.cluster_id, c.is_hidden, c.is_solution, c.month, c.updated_seq
        from advanced, jsonb_to_recordset(${JSON.stringify(cards)}::jsonb) as c(
             id uuid, lane text, text text, order_key text, author_user_id uuid, case_id uuid, perspective text,
             life_area life_area, cluster_id uuid, is_hidden boolean, is_solution boolean, month text, updated_seq integer)
      on conflict (id) do update set lane = excluded.lane, text = excluded.text, order_key = excluded.order_key,
             author_user_id = excluded.author_user_id, case_id = excluded.case_id, perspective = excluded.perspective,
             life_area = excluded.life_area, cluster_id = excluded.cluster_id, is_hidden = excluded.is_hidden,
             is_solution = excluded.is_solution, month = excluded.month, updated_seq = excluded.updated_seq
       where board_cards.conference_id = excluded.conference_id
    ), removed as (
      delete from board_cards
       where conference_id = ${write.conferenceId}::uuid
         and id in (select jsonb_array_elements_text(${JSON.stringify(write.deletedCardIds)}::jsonb)::uuid)
         and exists (select 1 from advanced)
    )
    select count(*)::int as advanced from advanced`,
  );
  return Number(rows[0]?.advanced) === 1;
}
