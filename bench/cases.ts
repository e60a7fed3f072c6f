/**
 * Case module at scale: seeds 100,000 cases (with intakes, consents and ~300,000 contacts) into a
 * fresh database on a real PostgreSQL server, then measures through the tRPC caller, policies
 * included, what case managers and the coordination call: the filtered, sorted case list, the
 * caseload and the monthly report. Baseline: the same list read with one plain SQL statement.
 *
 * Usage: DATABASE_URL=postgres://… npm run bench:cases   (without DATABASE_URL or TEST_DATABASE_URL a
 * throwaway server is started with .ci/start-postgres.sh). BENCH_CASES overrides the number of cases.
 */
import postgres from "postgres";
import { openDatabase } from "@/db";
import { loadActor } from "@/server/auth/load-actor";
import { createCaller } from "@/server/app-router";
import { freshDatabase, postgresServer } from "./postgres-server";

// Audit rows are sealed with a key kept outside the database; a bench run makes its own.
process.env.AUDIT_CHAIN_KEY ??= Buffer.alloc(32, 3).toString("base64");

const caseCount = Number(process.env.BENCH_CASES ?? 100_000);
const caseManagerCount = Math.max(1, Math.round(caseCount / 50));
const samples = 60;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function time<T>(run: () => Promise<T>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

const server = postgresServer();
const database = await freshDatabase(server.url);
const url = new URL(database.url);

try {
  const handle = await openDatabase({ driver: "postgres", url: url.toString() });
  const sql = postgres(url.toString(), { max: 4, onnotice: () => {} });
  console.log(`Seeding ${caseCount} cases for ${caseManagerCount} case managers …`);
  const seedStarted = performance.now();
  const [tenant] = await sql`insert into tenants (name, slug) values ('Kreis Bench', 'kreis-bench') returning id`;
  const tenantId = tenant!.id as string;
  await sql`insert into kommunen (tenant_id, name) select ${tenantId}, 'Kommune ' || g from generate_series(1, 12) g`;
  await sql`
    insert into users (tenant_id, username, display_name)
    select ${tenantId}, 'cm' || g, 'Case Manager ' || g from generate_series(1, ${caseManagerCount}) g`;
  await sql`insert into users (tenant_id, username, display_name) values (${tenantId}, 'koordination', 'Koordination')`;
  await sql`
    insert into role_assignments (tenant_id, user_id, role)
    select tenant_id, id, case when username = 'koordination' then 'coordinator'::role else 'case_manager'::role end
    from users where tenant_id = ${tenantId}`;
  await sql`
    with cms as (select array_agg(id order by username) as ids from users where tenant_id = ${tenantId} and username like 'cm%'),
         ks as (select array_agg(id order by name) as ids from kommunen where tenant_id = ${tenantId})
    insert into cases (tenant_id, pseudonym, kommune_id, responsible_user_id, status, access_channel, opened_on, admitted_on, closed_on, last_contact_on)
    select ${tenantId}, 'KB-' || (2020 + g % 7) || '-' || lpad(g::text, 6, '0'),
           ks.ids[1 + g % 12],
           cms.ids[1 + g % ${caseManagerCount}],
           (array['screening','intake','active','active','active','active','not_admitted','closed','closed','closed'])[1 + g % 10]::case_status,
           (array['walk_in','screening_referral','baustein3','outreach'])[1 + g % 4]::access_channel,
           date '2020-01-01' + (g % 2400),
           case when g % 10 between 2 and 5 or g % 10 >= 7 then date '2020-01-08' + (g % 2400) end,
           case when g % 10 >= 7 then date '2020-03-01' + (g % 2400) end,
           date '2020-02-01' + (g % 2400)
    from generate_series(1, ${caseCount}) g, cms, ks`;
  await sql`
    insert into intakes (case_id, conducted_on, decision)
    select id, opened_on + 7, case when status = 'not_admitted' then 'referral_counselling'::intake_decision else 'admission'::intake_decision end
    from cases where tenant_id = ${tenantId} and status not in ('screening')`;
  await sql`
    insert into contacts (case_id, tenant_id, user_id, contact_on, channel, kind, duration_minutes, topic, life_areas)
    select c.id, c.tenant_id, c.responsible_user_id, date '2026-11-01' - ((hashtext(c.id::text || k) & 1023)),
           (array['in_person','phone','video','email'])[1 + k]::contact_channel, 'counselling', 15 + k * 15, 'Beratung',
           array[(array['housing','finances','health','family'])[1 + k]]
    from cases c cross join generate_series(0, 2) k where c.tenant_id = ${tenantId}`;
  await sql`analyze`;
  console.log(`seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

  const [coordinatorRow] = await sql`select id from users where username = 'koordination'`;
  const [cmRow] = await sql`select id from users where username = 'cm1'`;
  const coordinator = (await loadActor(handle.db, { userId: coordinatorRow!.id, sessionVersion: 1 }))!;
  const caseManager = (await loadActor(handle.db, { userId: cmRow!.id, sessionVersion: 1 }))!;
  const callerFor = (actor: typeof coordinator) => createCaller({ db: handle.db, actor, request: { address: "bench", userAgent: null } });
  const statuses = ["active", "closed", "intake", undefined] as const;

  const listTimes: number[] = [];
  const baselineTimes: number[] = [];
  for (let i = 0; i < samples; i++) {
    const status = statuses[i % statuses.length];
    const actor = i % 2 ? coordinator : caseManager;
    listTimes.push(await time(() => callerFor(actor).cases.list({ status, search: i % 3 === 0 ? "-2024-" : undefined })));
    baselineTimes.push(
      await time(
        () => sql`select id, pseudonym, status, opened_on from cases where tenant_id = ${tenantId}
                  ${status ? sql`and status = ${status}` : sql``} ${i % 2 ? sql`` : sql`and responsible_user_id = ${cmRow!.id}`}
                  order by opened_on desc, pseudonym desc limit 500`,
      ),
    );
  }
  const caseloadTimes: number[] = [];
  for (let i = 0; i < 12; i++) caseloadTimes.push(await time(() => callerFor(i % 2 ? coordinator : caseManager).cases.caseload()));
  const reportMs = await time(() => callerFor(caseManager).reports.monthly({ month: "2026-10" }));
  const dashboardMs = await time(() => callerFor(coordinator).reports.dashboard());

  const listP95 = percentile(listTimes, 95);
  const baselineP95 = percentile(baselineTimes, 95);
  console.log(`case list (tRPC caller, policies)  p50 ${percentile(listTimes, 50).toFixed(1)} ms  p95 ${listP95.toFixed(1)} ms`);
  console.log(`case list baseline (one SQL query) p50 ${percentile(baselineTimes, 50).toFixed(1)} ms  p95 ${baselineP95.toFixed(1)} ms`);
  console.log(`ratio list p95 / baseline p95: ${(listP95 / baselineP95).toFixed(2)}`);
  console.log(`caseload p50 ${percentile(caseloadTimes, 50).toFixed(1)} ms  p95 ${percentile(caseloadTimes, 95).toFixed(1)} ms`);
  console.log(`monthly report ${reportMs.toFixed(1)} ms, coordination dashboard ${dashboardMs.toFixed(1)} ms`);
  console.log(
    `bench:cases list_p95_ms=${listP95.toFixed(1)} caseload_p95_ms=${percentile(caseloadTimes, 95).toFixed(1)} report_ms=${reportMs.toFixed(1)}`,
  );
  await sql.end();
  await handle.close();
} finally {
  await database.drop();
  server.stop();
}
