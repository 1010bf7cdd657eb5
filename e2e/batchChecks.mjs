// The batch check (issue: atomic batches): window A discharges a ward with one batch; window B
// (another user) sees it live. Both windows are signed in as their own users.

import { holdRequests, rows, showWard, until } from "./board.mjs";
import { cutPocketBase, setOffline, stored, waiting } from "./offlineChecks.mjs";

/** Patients of ward `code` on the server. */
const patientsOfWard = (ctx, code) => ctx.admin.collection("patients").getFullList({ filter: ctx.admin.filter("ward = {:ward}", { ward: ctx.wards[code].id }) });

/** Records the page's write requests to PocketBase (batches and records) until `stop()`. */
function recordWrites(page, pbUrl) {
  const writes = [];
  const record = (request) => {
    const path = request.url().startsWith(pbUrl) ? new URL(request.url()).pathname : "";
    if (request.method() !== "GET" && (path === "/api/batch" || path.startsWith("/api/collections/"))) writes.push(`${request.method()} ${path}`);
  };
  page.on("request", record);
  return { writes, stop: () => page.off("request", record) };
}

/** Waits until the window shows `count` rows, every one discharged. */
function showsAllDischarged(page, count, what) {
  return until(
    page,
    (n) => {
      const statuses = [...document.querySelectorAll('[data-testid="patient-row"] [data-testid="patient-status"]')].map((s) => s.textContent);
      return statuses.length === n && statuses.every((s) => s === "discharged");
    },
    count,
    what,
  );
}

export const batchChecks = [
  {
    name: "batch: A discharges ward B in one request; every row shows discharged at once in A, then live in B with no duplicate row; the server has them all",
    async run(ctx) {
      const { a, b, pbUrl } = ctx;
      await showWard(ctx, a, "B");
      await showWard(ctx, b, "B");
      const inWard = await patientsOfWard(ctx, "B");
      const admitted = inWard.filter((p) => p.status !== "discharged");
      if (admitted.length < 2) throw new Error(`ward B has ${admitted.length} patients to discharge`);
      await until(a.page, (n) => document.querySelectorAll('[data-testid="patient-row"]').length === n, inWard.length, "A shows ward B");
      await until(b.page, (n) => document.querySelectorAll('[data-testid="patient-row"]').length === n, inWard.length, "B shows ward B");

      const sent = recordWrites(a.page, pbUrl);
      const held = await holdRequests(a.page, "POST", `${pbUrl}/api/batch`);
      await a.page.getByTestId("discharge-ward").click();
      await a.page.getByTestId("confirm-discharge").click();
      await held.firstHeld();
      // The server has seen nothing yet: every row of the ward is discharged in A already.
      const shownByA = await rows(a.page);
      if (!shownByA.every((r) => r.status === "discharged")) throw new Error(`A while the batch is held: ${JSON.stringify(shownByA.map((r) => r.status))}`);
      const t0 = Date.now();
      await held.release();
      await showsAllDischarged(b.page, inWard.length, "B shows the whole ward discharged");
      const bMs = Date.now() - t0;
      await until(
        a.page,
        () => !document.querySelector('[data-testid="patient-row"].saving') && document.querySelector('[data-testid="discharge-ward"]')?.textContent !== "Discharging…",
        null,
        "A's batch settled",
      );
      sent.stop();
      const ids = (await rows(b.page)).map((r) => r.id);
      if (new Set(ids).size !== ids.length || ids.length !== inWard.length) throw new Error(`B shows ${ids.length} rows (${new Set(ids).size} distinct) for ${inWard.length} patients`);
      if (!(await patientsOfWard(ctx, "B")).every((p) => p.status === "discharged")) throw new Error("the server has patients of ward B not discharged");
      if (sent.writes.join() !== "POST /api/batch") throw new Error(`A sent ${JSON.stringify(sent.writes)}`);
      return `${admitted.length} patients discharged with one POST /api/batch; A showed it before the server had it; B showed the whole ward ${bMs} ms after the release, ${ids.length} rows, no duplicate`;
    },
  },

  {
    name: "batch offline: A discharges ward A without a connection, reloads, and goes online: one POST /api/batch, the whole ward discharged on the server and live in B",
    async run(ctx) {
      const { a, b, pbUrl } = ctx;
      await showWard(ctx, a, "A");
      await showWard(ctx, b, "A");
      const inWard = await patientsOfWard(ctx, "A");
      const admitted = inWard.filter((p) => p.status !== "discharged").length;
      await until(a.page, () => !document.querySelector('[data-testid="discharge-ward"][disabled]'), null, "A knows whom to discharge");
      const reconnect = await cutPocketBase(a, pbUrl);
      await setOffline(a.page, true);
      await a.page.getByTestId("discharge-ward").click();
      await a.page.getByTestId("confirm-discharge").click();
      await waiting(a.page, 1);
      // This batch (the store may still hold an earlier one, stored while it was pending).
      const ids = JSON.stringify(inWard.filter((p) => p.status !== "discharged").map((p) => p.id).sort());
      await stored(
        a.page,
        new Function(
          "client",
          `return client.clientState.mutations.some((m) => m.mutationKey[1] === "@batch" && JSON.stringify(m.state.variables.map((o) => o.update.id).sort()) === ${JSON.stringify(ids)})`,
        ),
        "the batch stored",
      );
      await a.page.reload();
      await until(a.page, () => document.querySelectorAll('[data-testid="patient-row"]').length > 0, null, "the board restored offline");
      await waiting(a.page, 1);
      await showWard(ctx, a, "A"); // the filter is the page's state: chosen again, from the restored cache
      await until(a.page, (n) => document.querySelectorAll('[data-testid="patient-row"]').length === n, inWard.length, "ward A restored");
      const restored = await rows(a.page);
      if (!restored.every((r) => r.status === "discharged")) throw new Error(`after the reload A shows ${JSON.stringify(restored.map((r) => r.status))}`);
      const sent = recordWrites(a.page, pbUrl);
      await reconnect();
      await setOffline(a.page, false);
      await waiting(a.page, 0, 15_000);
      sent.stop();
      await showsAllDischarged(b.page, inWard.length, "B shows ward A discharged");
      if (!(await patientsOfWard(ctx, "A")).every((p) => p.status === "discharged")) throw new Error("the server has patients of ward A not discharged");
      if (sent.writes.join() !== "POST /api/batch") throw new Error(`A sent ${JSON.stringify(sent.writes)}`);
      return `${admitted} patients discharged offline; after a reload, online: ${sent.writes.join()} once; B shows the whole ward discharged`;
    },
  },
];
