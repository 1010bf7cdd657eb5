// Helpers that drive one browser window of the clinic board (playground/). They find elements by
// their data-testid and wait by polling a condition in the page (page.waitForFunction polls once
// per animation frame) up to a deadline: never a fixed sleep.

/** How long any single condition may take before the check fails. */
export const DEADLINE_MS = 10_000;

const ROW = '[data-testid="patient-row"]';

/**
 * Installed in every page before the app runs: remembers every patient name that was ever
 * rendered in the board's table, so a check can prove a row was never shown (a MutationObserver
 * callback runs before the next paint, so nothing painted escapes it).
 */
export function recordRenderedNames() {
  const seen = new Set();
  // When each name was first rendered, on a clock every tab of the browser shares.
  const firstAt = new Map();
  Object.defineProperty(window, "__renderedPatientNames", { value: seen });
  Object.defineProperty(window, "__firstRenderedAt", { value: firstAt });
  new MutationObserver(() => {
    const now = performance.timeOrigin + performance.now();
    for (const cell of document.querySelectorAll('[data-testid="patient-name"]')) {
      if (!seen.has(cell.textContent)) firstAt.set(cell.textContent, now);
      seen.add(cell.textContent);
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

/** Polls `fn(arg)` in the page until it returns something truthy; returns that value. */
export async function until(page, fn, arg, what, timeout = DEADLINE_MS) {
  try {
    const handle = await page.waitForFunction(fn, arg, { timeout, polling: "raf" });
    return await handle.jsonValue();
  } catch (error) {
    const why = error?.name === "TimeoutError" ? `not within ${timeout} ms` : "gave up";
    throw new Error(`${page.__label ?? "page"}: ${what} (${why})`, { cause: error });
  }
}

/** Logs in through the login form; resolves once the board shows rows and realtime is live. */
export async function login(page, appUrl, { email, name }, password) {
  if (page.url() !== appUrl) await page.goto(appUrl);
  const form = page.locator("form.login");
  await form.waitFor({ timeout: DEADLINE_MS });
  await form.locator('input[type="email"]').fill(email);
  await form.locator('input[type="password"]').fill(password);
  await form.locator('button[type="submit"]').click();
  await until(page, (n) => document.querySelector('[data-testid="current-user"]')?.textContent === n, name, `logged in as ${name}`);
  await waitForRealtime(page, "connected");
  await until(page, (sel) => document.querySelectorAll(sel).length > 0, ROW, "patient rows shown");
}

export async function logout(page) {
  await page.getByTestId("logout").click();
  await page.locator("form.login").waitFor({ timeout: DEADLINE_MS });
}

/** Waits for the connection badge to show `state` (or any state but `connected` for "down"). */
export function waitForRealtime(page, state) {
  return until(
    page,
    (want) => {
      const shown = document.querySelector('[data-testid="realtime-status"]')?.getAttribute("data-state");
      return want === "down" ? shown && shown !== "connected" && shown : shown === want && shown;
    },
    state,
    `realtime badge ${state === "down" ? "not connected" : state}`,
  );
}

/** Picks an option of a board filter select (`filter-ward`, `filter-status`, `sort`, `per-page`) by its label. */
export async function choose(page, testId, label) {
  await page.getByTestId(testId).selectOption({ label });
}

/**
 * The table's rows as `{ id, name, ward, bed, status, saving }`, once the table is not showing a
 * previous filter's rows (placeholder data).
 */
export function rows(page) {
  return page.evaluate((sel) => {
    return [...document.querySelectorAll(sel)].map((row) => ({
      id: row.getAttribute("data-id"),
      name: row.querySelector('[data-testid="patient-name"]').textContent,
      ward: row.querySelector('[data-testid="patient-ward"]').textContent,
      bed: row.querySelector('[data-testid="patient-bed"]').textContent,
      status: row.querySelector('[data-testid="patient-status"]').textContent,
      saving: row.classList.contains("saving"),
    }));
  }, ROW);
}

/**
 * Waits until a row named `name` is shown (`state: "shown"`), shown with these cell texts
 * (`cells`), or gone (`state: "gone"`). `confirmed` also waits for the server's version of an
 * optimistic row. Returns the row's id when shown.
 */
export function waitForRow(page, name, { state = "shown", cells = {}, confirmed = false } = {}) {
  const what = state === "gone" ? `row "${name}" gone` : `row "${name}"${Object.keys(cells).length ? ` with ${JSON.stringify(cells)}` : ""} shown`;
  return until(
    page,
    ({ sel, name, state, cells, confirmed }) => {
      const row = [...document.querySelectorAll(sel)].find(
        (r) => r.querySelector('[data-testid="patient-name"]')?.textContent === name,
      );
      if (state === "gone") return !row;
      if (!row || (confirmed && row.classList.contains("saving"))) return false;
      for (const [cell, text] of Object.entries(cells)) {
        if (row.querySelector(`[data-testid="patient-${cell}"]`)?.textContent !== text) return false;
      }
      return row.getAttribute("data-id");
    },
    { sel: ROW, name, state, cells, confirmed },
    what,
  );
}

/**
 * Waits until the table shows exactly `expected` (an array of `{ name, bed }` in order), with no
 * placeholder rows of a previous filter and no unconfirmed optimistic row.
 */
export function waitForList(page, expected, what) {
  return until(
    page,
    ({ sel, expected }) => {
      if (document.querySelector('[data-testid="patient-table"].stale')) return false;
      const shown = [...document.querySelectorAll(sel)].map((row) => ({
        name: row.querySelector('[data-testid="patient-name"]').textContent,
        bed: row.querySelector('[data-testid="patient-bed"]').textContent,
        saving: row.classList.contains("saving"),
      }));
      if (shown.some((r) => r.saving) || shown.length !== expected.length) return false;
      return shown.every((r, i) => r.name === expected[i].name && r.bed === expected[i].bed);
    },
    { sel: ROW, expected },
    what,
  );
}

/** Clicks the row of `name` and waits for its detail panel. */
export async function openPatient(page, name) {
  await page.locator(ROW, { hasText: name }).first().click();
  await until(page, (n) => document.querySelector('[data-testid="detail-name"]')?.textContent === n, name, `detail of "${name}"`);
}

/** Fills the open patient form; every field is optional. */
export async function fillPatientForm(page, { name, ward, status, bed, notes }) {
  if (name !== undefined) await page.getByTestId("field-name").fill(name);
  if (ward !== undefined) await page.getByTestId("field-ward").selectOption({ label: ward });
  if (status !== undefined) await page.getByTestId("field-status").selectOption({ label: status });
  if (bed !== undefined) await page.getByTestId("field-bed").fill(String(bed));
  if (notes !== undefined) await page.getByTestId("field-notes").fill(notes);
}

/** The text of an element by test id, or null when there is none. */
export function textOf(page, testId) {
  return page.evaluate((id) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? null, testId);
}

/**
 * Holds the page's requests that match `method` and `pattern` (a glob for page.route) until
 * `release()`: a check can look at the page while the server has not yet seen the request, which
 * proves that what the page shows then is optimistic.
 */
export async function holdRequests(page, method, pattern) {
  const held = [];
  let onHeld;
  const firstHeld = new Promise((resolve) => (onHeld = resolve));
  const handler = async (route) => {
    if (route.request().method() !== method) return route.fallback();
    held.push(route);
    onHeld();
  };
  await page.route(pattern, handler);
  return {
    /** Resolves once a matching request is being held. */
    firstHeld: () => firstHeld,
    /** Lets the held requests through to the server and stops holding new ones. */
    async release() {
      // Let the held requests go first: Playwright settles a removed handler's routes itself.
      await Promise.all(held.splice(0).map((route) => route.continue()));
      await page.unroute(pattern, handler);
    },
  };
}

/** Window `w` signed in as its own user (signing the other one out), showing one ward, 50 a page. */
export async function showWard(ctx, w, code) {
  const user = await w.page.evaluate(() => document.querySelector('[data-testid="current-user"]')?.textContent ?? null);
  if (user !== w.user.name) {
    if (user !== null) await logout(w.page);
    await login(w.page, ctx.appUrl, w.user, ctx.password);
  }
  await choose(w.page, "filter-ward", ctx.wards[code].label);
  await choose(w.page, "per-page", "50");
}
