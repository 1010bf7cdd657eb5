// The server-rendering example (examples/ssr) against the same PocketBase: what the first HTML
// holds for whom, then the page in Chromium hydrating without asking for its data again and
// going live. The example's server is started by e2e/run.mjs (`ctx.ssrUrl`).
import { until } from "./board.mjs";

const PATIENTS = "/api/collections/patients/records";

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

export const ssrChecks = [
  {
    name: "server rendering: the first HTML holds the signed-in user's patients; no cookie renders the signed-out page; a refused token is signed out and its cookie cleared",
    async run(ctx) {
      const { ssrUrl, admin, users } = ctx;
      const names = (await admin.collection("patients").getFullList({ sort: "name" })).map((p) => p.name);
      const signedIn = await fetch(ssrUrl, { headers: { cookie: await cookieOf(ctx, users[0]) } });
      const html = await signedIn.text();
      const missing = names.filter((name) => !html.includes(name));
      if (!html.includes(`>${users[0].name}</strong>`) || missing.length > 0) {
        throw new Error(`the HTML lacks ${missing.length} of ${names.length} patients, or the user's name`);
      }
      if (!/^pb_auth=%7B%22token%22%3A%22ey/.test(signedIn.headers.get("set-cookie") ?? "")) throw new Error("no refreshed cookie");
      const guest = await (await fetch(ssrUrl)).text();
      if (!guest.includes('data-testid="signed-out"') || names.some((name) => guest.includes(name))) throw new Error("the guest's page is not the signed-out page");
      const forgedCookie = (await cookieOf(ctx, users[0])).replace(/(%22token%22%3A%22[^%]+)/, (t) => `${t.slice(0, -4)}AAAA`);
      const forged = await fetch(ssrUrl, { headers: { cookie: forgedCookie } });
      const forgedHtml = await forged.text();
      if (!forgedHtml.includes('data-testid="signed-out"')) throw new Error("a refused token rendered a signed-in page");
      if (!/Expires=Thu, 01 Jan 1970/.test(forged.headers.get("set-cookie") ?? "")) throw new Error("the refused cookie is not cleared");
      return `${names.length} patients and "${users[0].name}" in the first HTML (${Math.round(html.length / 1024)} kB); no cookie and a refused token: the signed-out page, the refused cookie cleared`;
    },
  },
  {
    name: "server rendering in Chromium: hydration asks for no patient or list again, then the page goes live: a patient created right after the HTML was sent appears within a second",
    async run(ctx) {
      const { ssrUrl, pbUrl, admin, wards, users, browser } = ctx;
      const context = await browser.newContext();
      try {
        const cookie = await cookieOf(ctx, users[1]);
        await context.addCookies([{ name: "pb_auth", value: cookie.slice("pb_auth=".length), url: ssrUrl }]);
        const page = await context.newPage();
        page.__label = "server-rendered page";
        const reads = [];
        page.on("request", (request) => {
          const url = new URL(request.url());
          if (url.origin === new URL(pbUrl).origin && url.pathname.startsWith(PATIENTS) && request.method() === "GET") reads.push(url.pathname + url.search);
        });
        const uncaught = [];
        page.on("pageerror", (error) => uncaught.push(error.message));
        await page.goto(ssrUrl);
        await until(page, () => document.querySelector('[data-hydrated="yes"]'), null, "the page hydrated");
        const shown = await page.evaluate(() => document.querySelectorAll('[data-testid="patient"]').length);
        const readsAtHydration = reads.length;
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
        const after = reads.length ? ` (after hydration: ${reads.length} list read(s), the realtime subscription catching up)` : "";
        return `${shown} patients hydrated with 0 patient requests; the new patient shown ${liveMs} ms after it was created${after}`;
      } finally {
        await context.close();
      }
    },
  },
];

