// The offline checks (issue: changes made without a connection survive a reload and reach the
// server exactly once). They run after e2e/checks.mjs: window A is Dr. Alice Hart again (signed in
// with Clinic SSO), window B Nurse Bob Lee. "Offline" is both: PocketBase unreachable from A (each
// request to it fails as with no network, while the app's own files still load, as they would from
// a service worker's cache) and the app's offline switch on (TanStack's onlineManager offline).

import { DEADLINE_MS, choose, fillPatientForm, login, logout, openPatient, rows, until, waitForRow } from "./board.mjs";

/** Where the playground's persister keeps the cache (playground/src/main.tsx). */
const CACHE_KEY = "clinic-cache";
const RECORDS = "/api/collections/patients/records";
const isWrite = (request) => ["POST", "PATCH", "DELETE"].includes(request.method()) && new URL(request.url()).pathname.startsWith(RECORDS);

/** PocketBase unreachable from the window: returns the function that makes it reachable again. */
export async function cutPocketBase(w, pbUrl) {
  const pattern = `${pbUrl}/**`;
  const handler = (route) => route.abort("internetdisconnected");
  await w.context.route(pattern, handler);
  return () => w.context.unroute(pattern, handler);
}

export async function setOffline(page, on) {
  const box = page.getByTestId("offline-switch");
  if ((await box.isChecked()) !== on) await box.click();
  await until(page, (on) => document.querySelector('[data-testid="offline-switch"]')?.checked === on, on, `offline switch ${on ? "on" : "off"}`);
}

export function waiting(page, count, timeout = DEADLINE_MS) {
  return until(
    page,
    (n) => document.querySelector('[data-testid="pending-count"]')?.getAttribute("data-count") === String(n),
    count,
    `${count} changes waiting`,
    timeout,
  );
}

/** Waits until the stored cache satisfies `test(storedClient)` (a function source run in the page). */
export function stored(page, test, what) {
  return until(
    page,
    ({ key, test }) => {
      const client = JSON.parse(localStorage.getItem(key) ?? "null");
      return client !== null && new Function("client", `return (${test})(client)`)(client);
    },
    { key: CACHE_KEY, test: test.toString() },
    what,
  );
}

/** Everything the page's origin stores: localStorage, and every IndexedDB database's records. */
function storageDump(page) {
  return page.evaluate(async () => {
    const parts = Object.keys(localStorage).map((key) => `${key}=${localStorage.getItem(key)}`);
    const request = (r) => new Promise((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));
    for (const { name } of await indexedDB.databases()) {
      const db = await request(indexedDB.open(name));
      for (const store of db.objectStoreNames) {
        const values = await request(db.transaction(store).objectStore(store).getAll());
        parts.push(`indexedDB ${name}/${store}=${JSON.stringify(values)}`);
      }
      db.close();
    }
    return parts.join("\n");
  });
}

/** Shows ward C, 50 per page: the patients of these checks on one page. */
async function wardC(ctx, ...windows) {
  for (const w of windows) {
    await choose(w.page, "filter-ward", ctx.wards.C.label);
    await choose(w.page, "per-page", "50");
  }
}

async function patientsNamed(ctx, name) {
  return ctx.admin.collection("patients").getFullList({ filter: ctx.admin.filter("name = {:name}", { name }) });
}

/** Records the write requests the page sends from now on. */
function recordWrites(page) {
  const writes = [];
  const listener = (request) => isWrite(request) && writes.push(request.method());
  page.on("request", listener);
  return { writes, stop: () => page.off("request", listener) };
}

/**
 * The next `method` request of the patients collection reaches the server, which applies it, and
 * its answer never reaches the page; the page reloads (it went away) once the write is stored as
 * being sent. Resolves once the reloaded page is up.
 */
async function reloadBeforeTheAnswer(page, method, act) {
  let used = false;
  let arrived;
  const reached = new Promise((resolve) => (arrived = resolve));
  const matcher = (url) => url.pathname.startsWith(RECORDS);
  const handler = async (route) => {
    if (used || route.request().method() !== method) return route.fallback();
    used = true;
    await route.fetch();
    arrived(); // applied by the server; the page never hears of it
  };
  await page.route(matcher, handler);
  await act();
  await reached;
  const kind = { POST: "create", PATCH: "update", DELETE: "delete" }[method];
  await stored(
    page,
    new Function("client", `return client.clientState.mutations.some((m) => m.mutationKey[2] === "${kind}" && m.state.context?.sending)`),
    `the ${kind} stored as being sent`,
  );
  await page.reload();
  await page.unroute(matcher, handler);
}

export const offlineChecks = [
  {
    name: "offline: A creates, edits and deletes patients, reloads while still offline and sees the board as left; online, the server has each change once and B shows them live",
    async run(ctx) {
      const { a, b, admin, wards, pbUrl } = ctx;
      await admin.collection("patients").create({ name: "Otto Ferris", ward: wards.C.id, bed: 5 });
      await admin.collection("patients").create({ name: "Dora Lindqvist", ward: wards.C.id, bed: 6 });
      await wardC(ctx, a, b);
      await Promise.all([a, b].flatMap((w) => [waitForRow(w.page, "Otto Ferris"), waitForRow(w.page, "Dora Lindqvist")]));

      const reconnect = await cutPocketBase(a, pbUrl);
      await setOffline(a.page, true);
      await a.page.getByTestId("new-patient").click();
      await fillPatientForm(a.page, { name: "Olga Brandt", ward: wards.C.label, bed: 7 });
      await a.page.getByTestId("save-patient").click();
      await waitForRow(a.page, "Olga Brandt");
      await openPatient(a.page, "Otto Ferris");
      await a.page.getByTestId("edit-patient").click();
      await until(a.page, () => document.querySelector('[data-testid="field-name"]')?.value === "Otto Ferris", null, "edit form filled");
      await fillPatientForm(a.page, { bed: 9 });
      await a.page.getByTestId("save-patient").click();
      await waitForRow(a.page, "Otto Ferris", { cells: { bed: "9" } });
      await openPatient(a.page, "Dora Lindqvist");
      await a.page.getByTestId("delete-patient").click();
      await a.page.getByTestId("confirm-delete").click();
      await waitForRow(a.page, "Dora Lindqvist", { state: "gone" });
      await waiting(a.page, 3);
      await stored(a.page, (client) => client.clientState.mutations.length === 3, "the three changes stored");

      await a.page.reload();
      await wardC(ctx, a);
      await waitForRow(a.page, "Olga Brandt");
      await waitForRow(a.page, "Otto Ferris", { cells: { bed: "9" } });
      await waitForRow(a.page, "Dora Lindqvist", { state: "gone" });
      await waiting(a.page, 3);
      const inB = (await rows(b.page)).filter((r) => ["Olga Brandt", "Otto Ferris", "Dora Lindqvist"].includes(r.name));
      if (JSON.stringify(inB.map((r) => [r.name, r.bed])) !== JSON.stringify([["Dora Lindqvist", "6"], ["Otto Ferris", "5"]])) {
        throw new Error(`B shows ${JSON.stringify(inB)} before A is back online`);
      }

      const sent = recordWrites(a.page);
      await reconnect();
      const t0 = Date.now();
      await setOffline(a.page, false);
      const [bMs, aMs] = await Promise.all([
        Promise.all([
          waitForRow(b.page, "Olga Brandt", { confirmed: true }),
          waitForRow(b.page, "Otto Ferris", { cells: { bed: "9" } }),
          waitForRow(b.page, "Dora Lindqvist", { state: "gone" }),
        ]).then(() => Date.now() - t0),
        waiting(a.page, 0).then(() => Date.now() - t0),
      ]);
      sent.stop();
      const [olga, otto, dora] = await Promise.all(["Olga Brandt", "Otto Ferris", "Dora Lindqvist"].map((n) => patientsNamed(ctx, n)));
      if (olga.length !== 1 || otto.length !== 1 || otto[0].bed !== 9 || dora.length !== 0) {
        throw new Error(`the server has Olga ×${olga.length}, Otto bed ${otto[0]?.bed}, Dora ×${dora.length}`);
      }
      if (sent.writes.join() !== "POST,PATCH,DELETE") throw new Error(`A sent ${sent.writes.join() || "nothing"}`);
      return `board restored offline with 3 changes waiting; online → A sent POST, PATCH, DELETE once each; A confirmed in ${aMs} ms, B showed all three in ${bMs} ms`;
    },
  },

  {
    name: "a create and a delete whose answers never came (the page reloaded first) are sent again: no duplicate, no error; a round (rounds+) in that case is not sent again and shows as outcome unknown",
    async run(ctx) {
      const { a, admin, wards } = ctx;
      const create = async () => {
        await a.page.getByTestId("new-patient").click();
        await fillPatientForm(a.page, { name: "Cora Wexley", ward: wards.C.label, bed: 11 });
        await a.page.getByTestId("save-patient").click();
      };
      await reloadBeforeTheAnswer(a.page, "POST", create);
      await wardC(ctx, a);
      await waitForRow(a.page, "Cora Wexley", { confirmed: true });
      await waiting(a.page, 0);
      const coras = await patientsNamed(ctx, "Cora Wexley");

      await admin.collection("patients").create({ name: "Dex Hollis", ward: wards.C.id, bed: 12 });
      await waitForRow(a.page, "Dex Hollis");
      await reloadBeforeTheAnswer(a.page, "DELETE", async () => {
        await openPatient(a.page, "Dex Hollis");
        await a.page.getByTestId("delete-patient").click();
        await a.page.getByTestId("confirm-delete").click();
      });
      await wardC(ctx, a);
      await waiting(a.page, 0);
      await waitForRow(a.page, "Dex Hollis", { state: "gone" });

      await admin.collection("patients").create({ name: "Rhea Sommer", ward: wards.C.id, bed: 13 });
      await waitForRow(a.page, "Rhea Sommer");
      await openPatient(a.page, "Rhea Sommer");
      const sent = recordWrites(a.page);
      await reloadBeforeTheAnswer(a.page, "PATCH", () => a.page.getByTestId("round-done").click());
      const failed = await until(
        a.page,
        () => document.querySelector('[data-testid="failed-change"][data-kind="update"]')?.getAttribute("data-outcome"),
        null,
        "the round reported",
      );
      sent.stop();
      const [rhea] = await patientsNamed(ctx, "Rhea Sommer");
      const failures = await a.page.locator('[data-testid="failed-change"]').count();
      if (coras.length !== 1) throw new Error(`the server has Cora ×${coras.length}`);
      if (failed !== "unknown" || failures !== 1) throw new Error(`${failures} failed change(s), the round's outcome "${failed}"`);
      if (rhea.rounds !== 1 || sent.writes.join() !== "PATCH") throw new Error(`rounds ${rhea.rounds}; A sent ${sent.writes.join()}`);
      return "create: sent again, one Cora, no error; delete: sent again, met 404, done; round: sent once (before the reload), reported as outcome unknown, rounds = 1";
    },
  },

  {
    name: "sign-out, then a switch of user: localStorage and IndexedDB hold no record, no waiting change and no token of the previous user, and her waiting change is sent as nobody else",
    async run(ctx) {
      const { a, appUrl, users, password, wards } = ctx;
      const token = await a.page.evaluate(() => window.__clinic.pb.authStore.token);
      await setOffline(a.page, true);
      await a.page.getByTestId("new-patient").click();
      await fillPatientForm(a.page, { name: "Sian Aldous", ward: wards.C.label, bed: 14 });
      await a.page.getByTestId("save-patient").click();
      await waiting(a.page, 1);
      await stored(a.page, (client) => client.clientState.mutations.some((m) => m.state.variables?.name === "Sian Aldous"), "her change stored");
      const traces = [token, "Sian Aldous", ctx.aliceDraft];
      const before = await storageDump(a.page);
      const missing = traces.filter((t) => !before.includes(t));
      if (missing.length > 0) throw new Error(`precondition: storage lacks ${missing.map((t) => (t === token ? "her token" : t)).join(", ")}`);

      await logout(a.page);
      const left = async () => {
        const dump = await storageDump(a.page);
        return traces.filter((t) => dump.includes(t)).map((t) => (t === token ? "her token" : t));
      };
      const deadline = Date.now() + DEADLINE_MS;
      while ((await left()).length > 0) {
        if (Date.now() > deadline) throw new Error(`after the sign-out storage still holds ${(await left()).join(", ")}`);
        await a.page.waitForTimeout(50);
      }
      await setOffline(a.page, false);
      await until(a.page, () => window.__clinic.queryClient.getMutationCache().getAll().some((m) => m.state.error?.response?.outcome === "not sent"), null, "her change refused");
      await login(a.page, appUrl, users[1], password);
      const bobId = await a.page.evaluate(() => window.__clinic.pb.authStore.record.id);
      await stored(a.page, new Function("client", `return client.buster.includes(${JSON.stringify(`/${bobId}\n`)}) && client.clientState.queries.length > 0`), "Bob's cache stored");
      const afterSwitch = await left();
      if (afterSwitch.length > 0) throw new Error(`with Bob signed in storage still holds ${afterSwitch.join(", ")}`);
      if ((await patientsNamed(ctx, "Sian Aldous")).length !== 0) throw new Error("her change reached the server");
      return "after the sign-out and with Bob signed in: none of her token, her waiting change or her private draft in localStorage or IndexedDB; her change refused as not sent";
    },
  },

  {
    name: "fifty changes made offline, a reload, then online: exactly fifty write requests reach the server, and both windows show the final state",
    async run(ctx) {
      const { a, b, admin, wards, pbUrl } = ctx;
      // Names that sort first in ward C, so every one of them is on the first page of 50.
      const seeded = [];
      for (let i = 1; i <= 20; i++) {
        const name = `Abbey Bench ${String(i).padStart(2, "0")}`;
        seeded.push(await admin.collection("patients").create({ name, ward: wards.C.id, bed: i }));
      }
      await wardC(ctx, a, b);
      await Promise.all([a, b].map((w) => waitForRow(w.page, "Abbey Bench 20")));
      const reconnect = await cutPocketBase(a, pbUrl);
      await setOffline(a.page, true);
      // Through the board's own hooks (playground/src/components/DevWrites.tsx): 30 creates,
      // 10 edits and 10 deletes, in one go.
      await a.page.evaluate(
        ({ seeded, ward }) => {
          const { create, update, remove } = window.__clinic.writes;
          for (let i = 1; i <= 30; i++) create({ name: `Abbott Bench ${String(i).padStart(2, "0")}`, ward, bed: i, status: "admitted" });
          seeded.slice(0, 10).forEach((id, i) => update({ id, data: { bed: 30 + i } }));
          seeded.slice(10).forEach((id) => remove(id));
        },
        { seeded: seeded.map((p) => p.id), ward: wards.C.id },
      );
      await waiting(a.page, 50);
      await stored(a.page, (client) => client.clientState.mutations.length === 50, "the fifty changes stored");
      await a.page.reload();
      await wardC(ctx, a);
      await waiting(a.page, 50);

      const final = [
        ...Array.from({ length: 10 }, (_, i) => ({ name: `Abbey Bench ${String(i + 1).padStart(2, "0")}`, bed: String(30 + i) })),
        ...Array.from({ length: 30 }, (_, i) => ({ name: `Abbott Bench ${String(i + 1).padStart(2, "0")}`, bed: String(i + 1) })),
      ];
      const showsFinal = (page) =>
        until(
          page,
          (final) => {
            const shown = new Map(
              [...document.querySelectorAll('[data-testid="patient-row"]')]
                .filter((row) => !row.classList.contains("saving"))
                .map((row) => [row.querySelector('[data-testid="patient-name"]').textContent, row.querySelector('[data-testid="patient-bed"]').textContent]),
            );
            const bench = [...shown.keys()].filter((name) => / Bench /.test(name));
            return bench.length === final.length && final.every((p) => shown.get(p.name) === p.bed);
          },
          final,
          "the final state shown",
          20_000,
        );
      const sent = recordWrites(a.page);
      await reconnect();
      const t0 = Date.now();
      await setOffline(a.page, false);
      const [aMs, bMs] = await Promise.all([a, b].map((w) => showsFinal(w.page).then(() => Date.now() - t0)));
      await waiting(a.page, 0);
      sent.stop();
      const onServer = await admin.collection("patients").getFullList({ filter: 'name ~ " Bench "', sort: "name" });
      const server = onServer.map((p) => ({ name: p.name, bed: String(p.bed) }));
      if (JSON.stringify(server) !== JSON.stringify(final)) throw new Error(`the server has ${server.length} bench patients, not the final 40`);
      const counts = sent.writes.reduce((n, m) => ({ ...n, [m]: (n[m] ?? 0) + 1 }), {});
      if (sent.writes.length !== 50) throw new Error(`A sent ${sent.writes.length} write requests: ${JSON.stringify(counts)}`);
      return `50 write requests (${counts.POST} POST, ${counts.PATCH} PATCH, ${counts.DELETE} DELETE), one per change; from "online" to the final state: A ${aMs} ms, B ${bMs} ms`;
    },
  },

  {
    name: "two tabs offline: a tab opened while another holds a waiting rounds+ leaves it to that tab, so it reaches the server once",
    async run(ctx) {
      const { a, admin, appUrl, pbUrl } = ctx;
      const [rhea] = await patientsNamed(ctx, "Rhea Sommer");
      await wardC(ctx, a);
      await waitForRow(a.page, "Rhea Sommer");
      const reconnect = await cutPocketBase(a, pbUrl);
      await setOffline(a.page, true);
      await openPatient(a.page, "Rhea Sommer");
      await a.page.getByTestId("round-done").click();
      await waiting(a.page, 1);
      await stored(a.page, (client) => client.clientState.mutations.some((m) => m.state.variables?.data?.["rounds+"] === 1), "the round stored");
      // A second tab of the same browser: same storage, its own session. It starts offline too
      // (the switch is kept in localStorage) and restores the board, but not the first tab's round.
      const second = await a.context.newPage();
      second.__label = "second tab";
      try {
        await second.goto(appUrl);
        await until(second, () => document.querySelector('[data-testid="current-user"]'), null, "the second tab signed in");
        await until(second, () => document.querySelectorAll('[data-testid="patient-row"]').length > 0, null, "the second tab's board restored");
        await waiting(second, 0);
        const sent = recordWrites(a.page);
        const sentBySecond = recordWrites(second);
        await reconnect();
        await setOffline(a.page, false);
        await waiting(a.page, 0);
        await setOffline(second, false); // the switch is per tab once loaded; the second goes online too
        await until(second, () => document.querySelectorAll('[data-testid="realtime-status"][data-state="connected"]').length > 0, null, "the second tab live", 15_000);
        sent.stop();
        sentBySecond.stop();
        const [after] = await patientsNamed(ctx, "Rhea Sommer");
        if (after.rounds !== rhea.rounds + 1) throw new Error(`rounds went from ${rhea.rounds} to ${after.rounds}`);
        if (sent.writes.join() !== "PATCH" || sentBySecond.writes.length !== 0) {
          throw new Error(`the first tab sent ${sent.writes.join() || "nothing"}, the second ${sentBySecond.writes.join() || "nothing"}`);
        }
        return `rounds ${rhea.rounds} → ${after.rounds}: one PATCH, from the tab that made it; the second tab restored the board without the round`;
      } finally {
        await second.close();
      }
    },
  },
];
