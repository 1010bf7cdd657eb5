// The browser checks, in order: each builds on the state the previous ones left (window A is
// Dr. Alice Hart, window B is Nurse Bob Lee; both start on "All wards", 50 per page, by name).
// Every run has a fresh data dir, so names need no unique suffix.
// Each returns a short detail for the report line, or throws with the reason.

import {
  DEADLINE_MS,
  choose,
  recordRenderedNames,
  fillPatientForm,
  holdRequests,
  login,
  logout,
  openPatient,
  rows,
  textOf,
  until,
  waitForList,
  waitForRealtime,
  waitForRow,
} from "./board.mjs";

// Request matchers for page.route: the patients collection's create, and one record's update or delete.
const PATIENTS = (url) => url.pathname === "/api/collections/patients/records";
const PATIENT = (url) => url.pathname.startsWith("/api/collections/patients/records/");
const REALTIME = (url) => url.pathname === "/api/realtime";
const since = (t0) => Date.now() - t0;

/** The server's view of a list, as the board shows it: `{ name, bed }` in order. */
async function serverList(ctx, filter, sort = "name") {
  const list = await ctx.admin.collection("patients").getList(1, 50, { filter, sort });
  return list.items.map((p) => ({ name: p.name, bed: p.bed ? String(p.bed) : "—" }));
}

/** Time to screen that window's event log measured for an event of `action` on record `id`. */
function loggedEvent(page, action, id, what) {
  return until(
    page,
    ({ action, id }) => {
      const row = document.querySelector(`[data-testid="event-row"][data-action="${action}"][data-id="${id}"]`);
      const outcome = row?.getAttribute("data-outcome");
      return outcome && outcome !== "pending" && { outcome, ms: row.getAttribute("data-ms") };
    },
    { action, id },
    what,
  );
}

const describeLogged = (e) => (e.ms ? `${e.outcome} ${e.ms} ms after arrival` : e.outcome);

export const checks = [
  {
    name: "both users log in (A: Dr. Alice Hart, B: Nurse Bob Lee) and their boards go live",
    async run(ctx) {
      const { a, b, appUrl, password } = ctx;
      await Promise.all([login(a.page, appUrl, a.user, password), login(b.page, appUrl, b.user, password)]);
      // Every patient on one page, so a check never has to look for a row on page 2.
      await Promise.all([choose(a.page, "per-page", "50"), choose(b.page, "per-page", "50")]);
      const all = await serverList(ctx, "");
      await Promise.all([
        waitForList(a.page, all, "A shows every patient on one page"),
        waitForList(b.page, all, "B shows every patient on one page"),
      ]);
      return `${all.length} patients in both windows; both badges "connected"`;
    },
  },

  {
    name: "A creates a patient: in A's list at once (before the server has the request), in B's live",
    async run(ctx) {
      const { a, b } = ctx;
      ctx.created = "Nora Quist";
      await a.page.getByTestId("new-patient").click();
      await fillPatientForm(a.page, { name: ctx.created, ward: "B · Cardiology", bed: 12, notes: "Chest pain, troponin pending." });
      const hold = await holdRequests(a.page, "POST", PATIENTS);
      const t0 = Date.now();
      await a.page.getByTestId("save-patient").click();
      await hold.firstHeld();
      const id = await waitForRow(a.page, ctx.created);
      const optimisticMs = since(t0);
      const rendered = await b.page.evaluate((n) => window.__renderedPatientNames.has(n), ctx.created);
      if (rendered) throw new Error("B showed the patient before the server had it");
      const t1 = Date.now();
      await hold.release();
      const [confirmedMs, inBMs] = await Promise.all([
        waitForRow(a.page, ctx.created, { confirmed: true }).then(() => since(t1)),
        waitForRow(b.page, ctx.created, { confirmed: true }).then(() => since(t1)),
      ]);
      ctx.createdId = id;
      const logged = await loggedEvent(b.page, "create", id, "B's event log records the create");
      return `A shows it ${optimisticMs} ms after the click; after release A confirmed in ${confirmedMs} ms, B shows it in ${inBMs} ms (B's event log: ${describeLogged(logged)})`;
    },
  },

  {
    name: "A edits the patient: A at once, B live",
    async run(ctx) {
      const { a, b } = ctx;
      await openPatient(a.page, ctx.created);
      await a.page.getByTestId("edit-patient").click();
      await until(a.page, (n) => document.querySelector('[data-testid="field-name"]')?.value === n, ctx.created, "edit form filled");
      await fillPatientForm(a.page, { bed: 14, status: "observation" });
      const hold = await holdRequests(a.page, "PATCH", PATIENT);
      const t0 = Date.now();
      await a.page.getByTestId("save-patient").click();
      await hold.firstHeld();
      const cells = { bed: "14", status: "observation" };
      await waitForRow(a.page, ctx.created, { cells });
      const optimisticMs = since(t0);
      const before = (await rows(b.page)).find((r) => r.name === ctx.created);
      if (before?.bed !== "12") throw new Error(`B shows bed ${before?.bed} before the server has the edit`);
      const t1 = Date.now();
      await hold.release();
      const inBMs = await waitForRow(b.page, ctx.created, { cells }).then(() => since(t1));
      await until(a.page, () => !document.querySelector('[data-testid="patient-form"]'), null, "A's form closed after the save");
      const logged = await loggedEvent(b.page, "update", ctx.createdId, "B's event log records the update");
      return `A shows bed 14 / observation ${optimisticMs} ms after the click; B ${inBMs} ms after release (event log: ${describeLogged(logged)})`;
    },
  },

  {
    name: "A deletes the patient: gone from A at once, from B live",
    async run(ctx) {
      const { a, b } = ctx;
      await until(a.page, (n) => document.querySelector('[data-testid="detail-name"]')?.textContent === n, ctx.created, "detail shown again");
      await a.page.getByTestId("delete-patient").click();
      const hold = await holdRequests(a.page, "DELETE", PATIENT);
      const t0 = Date.now();
      await a.page.getByTestId("confirm-delete").click();
      await hold.firstHeld();
      await waitForRow(a.page, ctx.created, { state: "gone" });
      const optimisticMs = since(t0);
      if (!(await rows(b.page)).some((r) => r.name === ctx.created)) throw new Error("B dropped the row before the server deleted it");
      const t1 = Date.now();
      await hold.release();
      const inBMs = await waitForRow(b.page, ctx.created, { state: "gone" }).then(() => since(t1));
      await until(a.page, () => !document.querySelector('[data-testid="patient-detail"]'), null, "A's detail panel closed");
      const logged = await loggedEvent(b.page, "delete", ctx.createdId, "B's event log records the delete");
      return `gone from A ${optimisticMs} ms after the click; from B ${inBMs} ms after release (event log: ${describeLogged(logged)})`;
    },
  },

  {
    name: "A's rejected creates roll back in A with the error shown; B never sees them",
    async run(ctx) {
      const { a, b, admin, wards } = ctx;
      // 1. The create rule refuses a name containing "test": 400 with no field data.
      const refused = "Test Walker";
      await a.page.getByTestId("new-patient").click();
      await fillPatientForm(a.page, { name: refused, ward: "A · Acute Medicine", bed: 3 });
      const hold = await holdRequests(a.page, "POST", PATIENTS);
      await a.page.getByTestId("save-patient").click();
      await hold.firstHeld();
      await waitForRow(a.page, refused); // the optimistic row, while the server has not answered
      await hold.release();
      await waitForRow(a.page, refused, { state: "gone" });
      const ruleMessage = await until(
        a.page,
        () => document.querySelector('[data-testid="form-error"]')?.textContent,
        null,
        "the rule's message at the form",
      );
      if (ruleMessage !== "Failed to create record.") throw new Error(`form error "${ruleMessage}"`);
      const kept = await a.page.getByTestId("field-name").inputValue();
      if (kept !== refused) throw new Error(`the form lost the input: "${kept}"`);

      // 2. A bed out of range: a field error, shown next to the field.
      const outOfRange = "Otto Brandt";
      await fillPatientForm(a.page, { name: outOfRange, bed: 77 });
      await a.page.getByTestId("save-patient").click();
      const bedError = await until(a.page, () => document.querySelector('[data-testid="error-bed"]')?.textContent, null, "the bed field error");
      await waitForRow(a.page, outOfRange, { state: "gone" });
      await a.page.locator('[aria-label="Close"]').click();

      // 3. B: a later change by someone else arrives, and neither refused patient was ever shown.
      const sentinel = await admin.collection("patients").create({ name: "Sentinel Ames", ward: wards.C.id, bed: 9 });
      await waitForRow(b.page, sentinel.name);
      const seenByB = await b.page.evaluate((names) => names.filter((n) => window.__renderedPatientNames.has(n)), [refused, outOfRange]);
      if (seenByB.length > 0) throw new Error(`B showed ${seenByB.join(", ")}`);
      const logged = await b.page.evaluate(() => [...document.querySelectorAll('[data-testid="event-name"]')].map((e) => e.textContent));
      if (logged.some((n) => n === refused || n === outOfRange)) throw new Error("B's event log has an event of a refused create");
      await admin.collection("patients").delete(sentinel.id);
      await Promise.all([waitForRow(a.page, sentinel.name, { state: "gone" }), waitForRow(b.page, sentinel.name, { state: "gone" })]);
      return `name rule: row shown, rolled back, "${ruleMessage}" at the form, input kept; bed 77: "${bedError}" next to the field, rolled back; B showed neither`;
    },
  },

  {
    name: "filters and sort show the right patients; a patient B moves to another ward leaves A's filtered list live",
    async run(ctx) {
      const { a, b, wards, admin } = ctx;
      const wardA = admin.filter("ward = {:ward}", { ward: wards.A.id });
      await choose(a.page, "filter-ward", wards.A.label);
      const expected = await serverList(ctx, wardA);
      await waitForList(a.page, expected, `A's list equals the server's ward A list (${expected.length})`);
      const wardB = admin.filter("ward = {:ward}", { ward: wards.B.id });
      await choose(a.page, "filter-ward", wards.B.label);
      await waitForList(a.page, await serverList(ctx, wardB), "A's list equals the server's ward B list");
      await choose(a.page, "sort", "Bed");
      await waitForList(a.page, await serverList(ctx, wardB, "bed,name"), "A's ward B list sorted by bed");
      await choose(a.page, "filter-status", "admitted");
      const admittedB = `${wardB} && status = "admitted"`;
      await waitForList(a.page, await serverList(ctx, admittedB, "bed,name"), "A's admitted ward B patients by bed");
      await choose(a.page, "filter-status", "Any");
      await choose(a.page, "sort", "Name");
      await choose(a.page, "filter-ward", wards.A.label);
      await waitForList(a.page, expected, "A's list back on ward A, by name");

      // B moves the first ward-A patient to ward C through B's own form.
      const moved = expected[0].name;
      await openPatient(b.page, moved);
      await b.page.getByTestId("edit-patient").click();
      await until(b.page, (n) => document.querySelector('[data-testid="field-name"]')?.value === n, moved, "B's edit form filled");
      await fillPatientForm(b.page, { ward: wards.C.label });
      const t0 = Date.now();
      await b.page.getByTestId("save-patient").click();
      await waitForRow(a.page, moved, { state: "gone" });
      const leftMs = since(t0);
      await waitForList(a.page, await serverList(ctx, wardA), "A's ward A list equals the server's after the move");
      await waitForRow(b.page, moved, { cells: { ward: wards.C.label }, confirmed: true });
      await b.page.locator('[aria-label="Close details"]').click();
      ctx.filteredA = wardA;
      return `ward A (${expected.length}), ward B by name and by bed, admitted in ward B: as on the server; "${moved}" moved to C by B left A's list ${leftMs} ms after B's click`;
    },
  },

  {
    name: "PocketBase restarts: both badges change, and both windows converge to the server, a write made while they were away included",
    async run(ctx) {
      const { a, b, admin, wards, server } = ctx;
      const t0 = Date.now();
      await server.stop();
      const [stateA, stateB] = await Promise.all([waitForRealtime(a.page, "down"), waitForRealtime(b.page, "down")]);
      const downMs = since(t0);
      // Keep both windows away from the realtime stream until the write below is done, so it is
      // certainly made while they are disconnected (PocketBase replays nothing).
      const away = async (page) => page.route(REALTIME, (route) => route.abort("connectionrefused"));
      await Promise.all([away(a.page), away(b.page)]);
      await server.start();
      const whileAway = await admin.collection("patients").create({ name: "Wren Calloway", ward: wards.A.id, bed: 21 });
      const [changed] = (await admin.collection("patients").getList(1, 1, { filter: ctx.filteredA, sort: "name" })).items;
      await admin.collection("patients").update(changed.id, { bed: 33 });
      const t1 = Date.now();
      await Promise.all([a.page.unroute(REALTIME), b.page.unroute(REALTIME)]);
      await Promise.all([waitForRealtime(a.page, "connected"), waitForRealtime(b.page, "connected")]);
      const reconnectMs = since(t1);
      const [expectA, expectB] = await Promise.all([serverList(ctx, ctx.filteredA), serverList(ctx, "")]);
      await Promise.all([
        waitForList(a.page, expectA, "A (ward A) equals the server after the restart"),
        waitForList(b.page, expectB, "B (all wards) equals the server after the restart"),
      ]);
      const convergedMs = since(t1);
      if (!expectA.some((p) => p.name === whileAway.name)) throw new Error("the server's ward A list lacks the write made while away");
      return `badges "${stateA}"/"${stateB}" ${downMs} ms after the stop; reconnected ${reconnectMs} ms and converged ${convergedMs} ms after the stream was reachable again (a create and an update made meanwhile)`;
    },
  },

  {
    name: "A broadcasts a message: it reaches B's window (and A's)",
    async run({ a, b }) {
      const text = "Handover at 14:00, ward round first";
      await a.page.getByTestId("broadcast-text").fill(text);
      const t0 = Date.now();
      await a.page.getByTestId("broadcast-send").click();
      const shows = (page) =>
        until(
          page,
          (t) => [...document.querySelectorAll('[data-testid="broadcast-message-text"]')].some((e) => e.textContent === t),
          text,
          "the broadcast shown",
        ).then(() => since(t0));
      const [inA, inB] = await Promise.all([shows(a.page), shows(b.page)]);
      return `B shows it ${inB} ms after A's click, A ${inA} ms`;
    },
  },

  {
    name: "drafts are private: each user sees only their own",
    async run(ctx) {
      const { a, b } = ctx;
      ctx.aliceDraft = "Call Mrs Okafor's daughter after the ward round";
      ctx.bobDraft = "Order more saline for ward B";
      const add = async (page, text) => {
        await page.getByTestId("draft-text").fill(text);
        await page.getByTestId("draft-add").click();
        await until(page, (t) => [...document.querySelectorAll('[data-testid="draft-item-text"]')].some((e) => e.textContent === t), text, `draft "${text}" shown`);
        // Confirmed by the server: the input is cleared on success.
        await until(page, () => document.querySelector('[data-testid="draft-text"]')?.value === "", null, "draft saved");
      };
      await Promise.all([add(a.page, ctx.aliceDraft), add(b.page, ctx.bobDraft)]);
      const texts = (page) => page.evaluate(() => document.body.textContent);
      const [inA, inB] = await Promise.all([texts(a.page), texts(b.page)]);
      if (inA.includes(ctx.bobDraft)) throw new Error("A shows Bob's draft");
      if (inB.includes(ctx.aliceDraft)) throw new Error("B shows Alice's draft");
      return "each window shows its own draft only";
    },
  },

  {
    name: "screenshots of both windows",
    async run({ a, b, screenshots }) {
      // A shows a patient's detail, B the whole board.
      await choose(a.page, "filter-ward", "All wards");
      await choose(a.page, "per-page", "10");
      await until(a.page, () => document.querySelectorAll('[data-testid="patient-row"]').length === 10, null, "A shows 10 rows");
      const [first] = await rows(a.page);
      await openPatient(a.page, first.name);
      const saved = await screenshots.take([a, b], "board");
      return saved.join(", ");
    },
  },

  {
    name: "two tabs of A's browser: signing out in one signs the other out within a second, no password stored or cached",
    async run(ctx) {
      const { a, appUrl, password, users } = ctx;
      const second = await a.context.newPage();
      try {
        await second.goto(appUrl);
        // The SDK's stored sign-in: the second tab starts signed in, checked against the server.
        await until(second, (n) => document.querySelector('[data-testid="current-user"]')?.textContent === n, users[0].name, "the second tab signed in");
        const holds = (page, text) =>
          page.evaluate((t) => {
            const { queryClient } = window.__clinic;
            const stored = Object.keys(localStorage).map((key) => localStorage.getItem(key) ?? "");
            const cached = [...queryClient.getQueryCache().getAll().map((q) => q.state.data), ...queryClient.getMutationCache().getAll().map((m) => m.state)];
            return { stored: stored.some((v) => v.includes(t)), cached: JSON.stringify(cached).includes(t) };
          }, text);
        for (const page of [a.page, second]) {
          const found = await holds(page, password);
          if (found.stored || found.cached) throw new Error(`the password is ${found.stored ? "in localStorage" : "in the cache"}`);
        }
        const t0 = Date.now();
        await logout(second);
        await until(a.page, () => document.querySelector("form.login") !== null, null, "A's first tab signed out too", 1000);
        const took = Date.now() - t0;
        for (const page of [a.page, second]) {
          if ((await holds(page, ctx.aliceDraft)).cached) throw new Error("Alice's draft is still cached after the sign-out");
        }
        await login(a.page, appUrl, users[0], password);
        await until(a.page, (t) => [...document.querySelectorAll('[data-testid="draft-item-text"]')].some((e) => e.textContent === t), ctx.aliceDraft, "Alice's draft back");
        return `the other tab showed the login ${took} ms after the click; no password in either tab's storage or cache`;
      } finally {
        await second.close();
      }
    },
  },
  {
    name: "A logs out and in as Bob: none of Alice's private data is shown or left in the cache",
    async run(ctx) {
      const { a, appUrl, password, users } = ctx;
      const cacheHolds = (text) =>
        a.page.evaluate((t) => {
          const { queryClient } = window.__clinic;
          return queryClient
            .getQueryCache()
            .getAll()
            .some((q) => JSON.stringify(q.state.data ?? null).includes(t));
        }, text);
      if (!(await cacheHolds(ctx.aliceDraft))) throw new Error("precondition: Alice's draft is not in A's cache");
      await logout(a.page);
      if (await cacheHolds(ctx.aliceDraft)) throw new Error("Alice's draft is still cached after logout");
      await a.page.getByRole("button", { name: new RegExp(users[1].name) }).click();
      await login(a.page, appUrl, users[1], password);
      await until(
        a.page,
        (t) => [...document.querySelectorAll('[data-testid="draft-item-text"]')].some((e) => e.textContent === t),
        ctx.bobDraft,
        "Bob's own draft shown in A",
      );
      const body = await a.page.evaluate(() => document.body.textContent);
      if (body.includes(ctx.aliceDraft)) throw new Error("A shows Alice's draft to Bob");
      if (await cacheHolds(ctx.aliceDraft)) throw new Error("Alice's draft is in Bob's cache");
      const user = await textOf(a.page, "current-user");
      const mutationLeft = await a.page.evaluate((t) => {
        const { queryClient } = window.__clinic;
        return queryClient.getMutationCache().getAll().some((m) => JSON.stringify([m.state.variables, m.state.data]).includes(t));
      }, ctx.aliceDraft);
      ctx.notes.push(
        `after the switch, Alice's draft is ${mutationLeft ? "still" : "not"} in the MutationCache (variables/data of her create mutation)`,
      );
      return `logged in as ${user}; Bob's draft shown, Alice's neither on screen nor in the query cache`;
    },
  },

  {
    name: "OAuth2: A signs in with Clinic SSO: click, popup, \"Continue as\", the popup closes and the board shows the user; no code kept",
    async run(ctx) {
      const { a, users, sso, screenshots } = ctx;
      await logout(a.page);
      await a.page.getByTestId("oauth2-oidc").waitFor({ timeout: DEADLINE_MS });
      await screenshots.take([a], "login");
      const t0 = Date.now();
      // The popup must come from the click itself: Playwright sees it as a new page of the context.
      const [popup] = await Promise.all([a.context.waitForEvent("page", { timeout: DEADLINE_MS }), a.page.getByTestId("oauth2-oidc").click()]);
      // Waited for from before the click: the popup may close before a later wait would begin.
      const closed = popup.waitForEvent("close", { timeout: DEADLINE_MS });
      await popup.getByRole("button", { name: new RegExp(`Continue as ${users[0].name}`) }).click({ timeout: DEADLINE_MS });
      await closed;
      await until(a.page, (n) => document.querySelector('[data-testid="current-user"]')?.textContent === n, users[0].name, "signed in as Alice");
      const took = Date.now() - t0;
      await waitForRealtime(a.page, "connected");
      await until(a.page, () => document.querySelectorAll('[data-testid="patient-row"]').length > 0, null, "Alice's board shows patients");
      const codes = sso.codes();
      if (codes.length === 0) throw new Error("Clinic SSO handed out no code");
      const kept = await a.page.evaluate((list) => {
        const { queryClient } = window.__clinic;
        const stored = JSON.stringify({ ...localStorage });
        const cached = JSON.stringify([
          ...queryClient.getQueryCache().getAll().map((q) => q.state.data),
          ...queryClient.getMutationCache().getAll().map((m) => m.state),
        ]);
        return list.filter((code) => stored.includes(code) || cached.includes(code));
      }, codes);
      if (kept.length > 0) throw new Error(`an OAuth2 code is in localStorage or the cache`);
      return `${took} ms from the click (the popup's page and its click included) to Alice's name in the header; popup closed; no code stored or cached`;
    },
  },
  {
    name: "OTP: B signs in with an email code (read from the playground mailbox); the code is not kept",
    async run(ctx) {
      const { b, users } = ctx;
      await logout(b.page);
      await b.page.getByRole("button", { name: new RegExp(users[1].name) }).click();
      await b.page.getByTestId("otp-request").click();
      const code = await until(b.page, () => document.querySelector('[data-testid="mailbox-code"]')?.textContent, null, "the mailbox shows the code");
      await b.page.getByTestId("otp-code").fill(code);
      await b.page.getByTestId("otp-submit").click();
      await until(b.page, (n) => document.querySelector('[data-testid="current-user"]')?.textContent === n, users[1].name, "signed in as Bob");
      await waitForRealtime(b.page, "connected");
      const kept = await b.page.evaluate((c) => {
        const { queryClient } = window.__clinic;
        const mutations = JSON.stringify(queryClient.getMutationCache().getAll().map((m) => m.state));
        return { stored: JSON.stringify({ ...localStorage }).includes(c), cached: mutations.includes(c) };
      }, code);
      if (kept.stored || kept.cached) throw new Error(`the code is ${kept.stored ? "in localStorage" : "in the mutation cache"}`);
      return `signed in with a ${code.length}-digit code; it is neither in localStorage nor in the mutation cache`;
    },
  },
  {
    name: "a blocked OAuth2 popup: the app in a frame without allow-popups shows the documented error, and no window opens",
    async run({ browser, appUrl }) {
      // Headless Chromium blocks no popup, whatever its settings; a sandboxed frame without
      // allow-popups makes the browser itself refuse window.open (it returns null), exactly what
      // a popup blocker does. The frame's host page is served at the app's origin.
      const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
      try {
        const page = await context.newPage();
        page.__label = "sandboxed frame";
        const host = new URL("/__sandboxed-frame", appUrl).href;
        await page.route(host, (route) =>
          route.fulfill({
            contentType: "text/html",
            body: `<iframe sandbox="allow-scripts allow-same-origin allow-forms" src="${appUrl}" style="width:1000px;height:860px;border:0"></iframe>`,
          }),
        );
        await page.goto(host);
        const frame = page.frameLocator("iframe");
        await frame.getByTestId("oauth2-oidc").click({ timeout: DEADLINE_MS });
        const shown = await frame.getByTestId("oauth2-error").textContent({ timeout: DEADLINE_MS });
        if (!/blocked the OAuth2 sign-in window/.test(shown)) throw new Error(`the error reads "${shown}"`);
        if (context.pages().length !== 1) throw new Error(`${context.pages().length - 1} window(s) opened anyway`);
        return `"${shown.slice(0, 70)}…"`;
      } finally {
        await context.close();
      }
    },
  },

  {
    name: "ten tabs of one browser: all load the board and go live on ONE realtime connection; another user's change reaches all ten",
    async run(ctx) {
      const { appUrl, users, password, admin, wards } = ctx;
      const before = await realtimeClients(ctx);
      const context = await ctx.browser.newContext({ viewport: { width: 1100, height: 800 } });
      await context.addInitScript(recordRenderedNames);
      ctx.tabs = { context, pages: [] };
      const first = await context.newPage();
      first.__label = "tab 1";
      ctx.tabs.pages.push(first);
      await login(first, appUrl, users[0], password);
      // The other nine start signed in: the SDK's LocalAuthStore keeps the session in localStorage.
      for (let i = 2; i <= 10; i++) {
        const page = await context.newPage();
        page.__label = `tab ${i}`;
        ctx.tabs.pages.push(page);
        await page.goto(appUrl);
      }
      await Promise.all(ctx.tabs.pages.map((page) => waitForRealtime(page, "connected")));
      // Every patient on one page, as in windows A and B.
      await Promise.all(ctx.tabs.pages.map((page) => choose(page, "per-page", "50")));
      const roles = await Promise.all(ctx.tabs.pages.map((page) => roleOf(page)));
      const leaders = roles.filter((r) => r === "leader").length;
      if (leaders !== 1 || roles.filter((r) => r === "follower").length !== 9) throw new Error(`roles: ${roles.join(", ")}`);
      const after = await realtimeClients(ctx);
      // Counted by id: a connection of an earlier check may still be closing when `before` is read.
      const opened = after.filter((client) => !before.some((old) => old.id === client.id)).length;
      if (opened !== 1) throw new Error(`the ten tabs hold ${opened} realtime connections: ${JSON.stringify(after)}`);
      const name = "Abbey Sharewell";
      await admin.collection("patients").create({ name, ward: wards.A.id, bed: 30 });
      await Promise.all(ctx.tabs.pages.map((page) => waitForRow(page, name)));
      return `1 leader, 9 followers, 1 new realtime connection on the server (${after.length} in all); the change shown in all ten tabs`;
    },
  },
  {
    name: "closing the leader tab: another takes over within 2 s, and a change made during the takeover reaches every remaining tab",
    async run(ctx) {
      const { admin, wards } = ctx;
      const roles = await Promise.all(ctx.tabs.pages.map((page) => roleOf(page)));
      const leader = ctx.tabs.pages[roles.indexOf("leader")];
      const t0 = Date.now();
      await leader.close();
      ctx.tabs.pages = ctx.tabs.pages.filter((page) => page !== leader);
      const name = "Abra Handover";
      await admin.collection("patients").create({ name, ward: wards.C.id, bed: 31 });
      const next = await Promise.any(
        ctx.tabs.pages.map((page) =>
          until(page, () => document.querySelector('[data-testid="realtime-status"]')?.getAttribute("data-role") === "leader", null, "a new leader", 2000).then(
            () => page,
          ),
        ),
      ).catch(() => {
        throw new Error("no tab took over within 2 s");
      });
      const tookOver = Date.now() - t0;
      await waitForRealtime(next, "connected");
      const live = Date.now() - t0;
      await Promise.all(ctx.tabs.pages.map((page) => waitForRow(page, name)));
      const shown = Date.now() - t0;
      return `${next.__label} leads ${tookOver} ms after the close, connected at ${live} ms; the change made meanwhile shown in all ${ctx.tabs.pages.length} tabs at ${shown} ms`;
    },
  },
  {
    name: "sign-out in one tab: every tab drops the user's records, and no connection runs as that user any more",
    async run(ctx) {
      const { users } = ctx;
      const pages = ctx.tabs.pages;
      const signedIn = (await realtimeClients(ctx)).filter((c) => c.user === users[0].email).length;
      await logout(pages[pages.length - 1]);
      await Promise.all(pages.map((page) => page.locator("form.login").waitFor({ timeout: DEADLINE_MS })));
      for (const page of pages) {
        const cached = await page.evaluate(() =>
          window.__clinic.queryClient
            .getQueryCache()
            .getAll()
            .filter((q) => JSON.stringify(q.queryKey).includes("patients") && q.state.data !== undefined).length,
        );
        if (cached > 0) throw new Error(`${page.__label} still caches ${cached} patient queries`);
      }
      // Window A (another browser context) is Alice too: exactly its connection may remain.
      const left = await waitForServer(async () => {
        const mine = (await realtimeClients(ctx)).filter((c) => c.user === users[0].email).length;
        return mine === signedIn - 1 && mine;
      }, "the shared connection no longer runs as Alice");
      return `${pages.length} tabs show the login with no patient cached; connections running as Alice: ${signedIn} before, ${left} after (window A's)`;
    },
  },
  {
    name: "latency: another user's change reaches a follower tab's DOM as soon as the leader tab's (two tabs, so that the two renders do not queue for the CPU)",
    async run(ctx) {
      const { admin, wards, appUrl, users, password } = ctx;
      // Signed in again in one tab (all follow), then down to two tabs: the leader and one follower.
      await login(ctx.tabs.pages[0], appUrl, users[0], password);
      const all = await Promise.all(ctx.tabs.pages.map(async (page) => ({ page, role: await roleOf(page) })));
      const keep = [all.find((t) => t.role === "leader").page, all.find((t) => t.role === "follower").page];
      for (const { page } of all) if (!keep.includes(page)) await page.close();
      ctx.tabs.pages = keep;
      await Promise.all(keep.map((page) => waitForRealtime(page, "connected")));
      await Promise.all(keep.map((page) => choose(page, "per-page", "50")));
      const pages = keep;
      const roles = await Promise.all(pages.map((page) => roleOf(page)));
      const leader = pages[roles.indexOf("leader")];
      const deltas = [];
      const ROUNDS = 30;
      for (let i = 1; i <= ROUNDS; i++) {
        const name = `Abel Relay ${String(i).padStart(2, "0")}`;
        await admin.collection("patients").create({ name, ward: wards.B.id, bed: i });
        const times = await Promise.all(
          pages.map((page) => until(page, (n) => window.__firstRenderedAt.get(n), name, `"${name}" rendered`)),
        );
        const base = times[pages.indexOf(leader)];
        times.forEach((t, k) => pages[k] !== leader && deltas.push(t - base));
      }
      await ctx.tabs.context.close();
      deltas.sort((x, y) => x - y);
      const at = (q) => deltas[Math.min(deltas.length - 1, Math.floor(q * deltas.length))];
      return `follower minus leader, change to first render, over ${deltas.length} (tab, change) pairs: p50 ${at(0.5).toFixed(2)} ms, p90 ${at(0.9).toFixed(2)} ms`;
    },
  },
];

/** The realtime connections PocketBase holds, with their user and topics (playground/pb_hooks/diagnostics.pb.js). */
function realtimeClients(ctx) {
  return ctx.admin.send("/api/clinic/realtime-clients", {});
}

/** This tab's place in the shared connection, as its badge shows it. */
function roleOf(page) {
  return page.evaluate(() => document.querySelector('[data-testid="realtime-status"]')?.getAttribute("data-role"));
}

/** Polls a server-side condition until it holds (a deadline, no fixed sleep). */
async function waitForServer(condition, what, timeout = DEADLINE_MS) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await condition();
    if (value !== false && value !== undefined && value !== null) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
