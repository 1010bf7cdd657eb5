// The server-rendering example (examples/ssr) against the same PocketBase: what the first HTML
// holds for whom, then the page in Chromium hydrating without asking for its data again and
// going live. The example's server is started by e2e/run.mjs (`ctx.ssrUrl`).
import { until } from "./board.mjs";

const PATIENTS = "/api/collections/patients/records";
/** What a browser's navigation asks for: the example's server renders pages for it. */
const HTML = "text/html";

/** The Cookie header of a browser signed in as `user`, as the SDK writes it. */
async function cookieOf(ctx, user) {
  const response = await fetch(`${ctx.pbUrl}/api/collections/staff/auth-with-password`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ identity: user.email, password: ctx.password }),
  });
  const { token, record } = await response.json();
  return `pb_auth=${encodeURIComponent(JSON.stringify({ token, record }))}`;
}

/** A browser context signed in with `cookie` on the example, and its page. */
async function signedInPage(ctx, cookie) {
  const context = await ctx.browser.newContext();
  await context.addCookies([{ name: "pb_auth", value: cookie.slice("pb_auth=".length), url: ctx.ssrUrl }]);
  const page = await context.newPage();
  page.__label = "server-rendered page";
  return { context, page };
}

/** The page's GET requests to PocketBase whose path `matches`, as they start. */
function pocketbaseReads(page, pbUrl, matches) {
  const reads = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.origin === new URL(pbUrl).origin && request.method() === "GET" && matches(url.pathname)) reads.push(url.pathname + url.search);
  });
  return reads;
}

export const ssrChecks = [
  {
    name: "server rendering: the first HTML holds the signed-in user's patients; no cookie renders the signed-out page; a refused token is signed out and its cookie cleared",
    async run(ctx) {
      const { ssrUrl, admin, users } = ctx;
      const names = (await admin.collection("patients").getFullList({ sort: "name" })).map((p) => p.name);
      const signedIn = await fetch(ssrUrl, { headers: { accept: HTML, cookie: await cookieOf(ctx, users[0]) } });
      const html = await signedIn.text();
      const missing = names.filter((name) => !html.includes(name));
      if (!html.includes(`>${users[0].name}</strong>`) || missing.length > 0) {
        throw new Error(`the HTML lacks ${missing.length} of ${names.length} patients, or the user's name`);
      }
      if (!/^pb_auth=%7B%22token%22%3A%22ey/.test(signedIn.headers.get("set-cookie") ?? "")) throw new Error("no refreshed cookie");
      const guest = await (await fetch(ssrUrl, { headers: { accept: HTML } })).text();
      if (!guest.includes('data-testid="signed-out"') || names.some((name) => guest.includes(name))) throw new Error("the guest's page is not the signed-out page");
      const forgedCookie = (await cookieOf(ctx, users[0])).replace(/(%22token%22%3A%22[^%]+)/, (t) => `${t.slice(0, -4)}AAAA`);
      const forged = await fetch(ssrUrl, { headers: { accept: HTML, cookie: forgedCookie } });
      const forgedHtml = await forged.text();
      if (!forgedHtml.includes('data-testid="signed-out"')) throw new Error("a refused token rendered a signed-in page");
      if (!/Expires=Thu, 01 Jan 1970/.test(forged.headers.get("set-cookie") ?? "")) throw new Error("the refused cookie is not cleared");
      return `${names.length} patients and "${users[0].name}" in the first HTML (${Math.round(html.length / 1024)} kB); no cookie and a refused token: the signed-out page, the refused cookie cleared`;
    },
  },
  {
    name: "server rendering in Chromium: hydration asks for no patient or list again, then the page goes live: a patient created between the render and the subscription shows, and one created later appears within a second",
    async run(ctx) {
      const { ssrUrl, pbUrl, admin, wards, users } = ctx;
      const { context, page } = await signedInPage(ctx, await cookieOf(ctx, users[1]));
      try {
        const reads = pocketbaseReads(page, pbUrl, (path) => path.startsWith(PATIENTS));
        const uncaught = [];
        page.on("pageerror", (error) => uncaught.push(error.message));
        // A change made after the server rendered the page and before its realtime subscription
        // exists: the HTML is in (the response committed), the page's modules are still loading.
        const between = "Hal Between";
        await page.goto(ssrUrl, { waitUntil: "commit" });
        await admin.collection("patients").create({ name: between, ward: wards.A.id, bed: 34 });
        const early = await page.evaluate(() => document.querySelector('[data-hydrated="yes"]') === null).catch(() => true);
        if (!early) throw new Error("the page had hydrated before the change was made: this run proves nothing");
        await until(page, () => document.querySelector('[data-hydrated="yes"]'), null, "the page hydrated");
        const shown = await page.evaluate(() => document.querySelectorAll('[data-testid="patient"]').length);
        const readsAtHydration = reads.length;
        // Once the subscription is live, the list is read once more: the change made meanwhile shows.
        await until(
          page,
          (n) => [...document.querySelectorAll('[data-testid="patient"]')].some((li) => li.textContent.startsWith(n)),
          between,
          "the patient created between the render and the subscription",
        );
        const readsWhenLive = reads.length;
        const name = "Ivo Hydrate";
        const t0 = Date.now();
        await admin.collection("patients").create({ name, ward: wards.A.id, bed: 33 });
        await until(
          page,
          (n) => [...document.querySelectorAll('[data-testid="patient"]')].some((li) => li.textContent.startsWith(n)),
          name,
          "the new patient shown",
          1000,
        );
        const liveMs = Date.now() - t0;
        if (readsAtHydration !== 0) throw new Error(`hydration read the patients again: ${reads.join(", ")}`);
        if (uncaught.length > 0) throw new Error(`uncaught: ${uncaught.join("; ")}`);
        if (readsWhenLive !== 1) throw new Error(`${readsWhenLive} list reads once live, not 1`);
        return `${shown} patients hydrated with 0 patient requests; a patient created between the render and the subscription shown after the one read of going live; one created later shown ${liveMs} ms after its creation`;
      } finally {
        await context.close();
      }
    },
  },

  {
    name: "router preloading with the library's query option builders: a patient's page rendered on the server from its URL; in the browser, hovering its link starts the one request the page then uses",
    async run(ctx) {
      const { ssrUrl, pbUrl, admin, users } = ctx;
      const [patient] = (await admin.collection("patients").getList(1, 1, { sort: "name" })).items;
      const cookie = await cookieOf(ctx, users[0]);
      const html = await (await fetch(new URL(`/patients/${patient.id}`, ssrUrl), { headers: { accept: HTML, cookie } })).text();
      if (!new RegExp(`<h2[^>]*>${patient.name}</h2>`).test(html)) throw new Error("the patient's page was not rendered on the server");

      const { context, page } = await signedInPage(ctx, cookie);
      try {
        const reads = pocketbaseReads(page, pbUrl, (path) => path === `${PATIENTS}/${patient.id}`);
        await page.goto(ssrUrl);
        await until(page, () => document.querySelector('[data-hydrated="yes"]'), null, "the page hydrated");
        const link = page.locator(`a[href="/patients/${patient.id}"]`);
        await link.hover();
        await until(page, () => true, null, "a frame after the hover"); // let the hover's preload start
        const deadline = Date.now() + 5000;
        while (reads.length === 0 && Date.now() < deadline) await page.waitForTimeout(20);
        const onHover = reads.length;
        await link.click();
        await until(page, (n) => document.querySelector('[data-testid="patient-detail"] h2')?.textContent === n, patient.name, "the patient's page");
        if (onHover !== 1) throw new Error(`hovering the link started ${onHover} request(s) for the patient`);
        if (reads.length !== 1) throw new Error(`the patient was read ${reads.length} times`);
        return `"${patient.name}" rendered on the server from /patients/${patient.id}; in the browser the hover started its one request, and the page used it`;
      } finally {
        await context.close();
      }
    },
  },
];
