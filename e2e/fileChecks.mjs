// The file checks (issue: file fields): a patient's photo, a protected file, picked in window A's
// form. They run after the offline checks, with window A as Dr. Alice Hart and window B as Nurse
// Bob Lee, both showing ward C. The photos are PNGs of seeded noise made here (noise does not
// compress, so the bytes on the wire are the file's size).

import { deflateSync } from "node:zlib";
import { choose, fillPatientForm, showWard, until, waitForRow } from "./board.mjs";

/** Staff file tokens last this long during these checks (the server's least), so one is renewed. */
const TOKEN_SECONDS = 10;
/** The board's thumbnail size (playground/pb_migrations/1720000005_clinic_photos.js). */
const THUMB = 100;
/** Slower than loopback, so the upload lasts long enough to report its progress several times. */
const UPLOAD_BYTES_PER_SECOND = 2_000_000;

/** A PNG of `width` × `height` RGB noise from a seeded generator (mulberry32). */
function noisePng(width, height, seed) {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) & 0xff;
  };
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const start = y * (width * 3 + 1); // each row starts with filter type 0
    for (let x = 1; x <= width * 3; x++) rows[start + x] = random();
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per sample, RGB, default compression, filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 1 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * Counts, in the page from now on, the object URLs made and revoked, and the upload progress
 * events of its XMLHttpRequests (`loaded`/`total` each).
 */
function instrument(page) {
  return page.evaluate(() => {
    if (window.__files) return void window.__files.reset();
    const files = { made: [], revoked: [], progress: [] };
    files.reset = () => {
      files.made.length = 0;
      files.revoked.length = 0;
      files.progress.length = 0;
    };
    const create = URL.createObjectURL.bind(URL);
    const revoke = URL.revokeObjectURL.bind(URL);
    URL.createObjectURL = (blob) => {
      const href = create(blob);
      files.made.push(href);
      return href;
    };
    URL.revokeObjectURL = (href) => {
      files.revoked.push(href);
      revoke(href);
    };
    const send = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.send = function (body) {
      this.upload.addEventListener("progress", (e) => files.progress.push({ loaded: e.loaded, total: e.total }));
      return send.call(this, body);
    };
    window.__files = files;
  });
}

/** The photo of the row named `name` once it has loaded: `{ src, width, height }`. */
function rowPhoto(page, name, test, what) {
  return until(
    page,
    ({ name, test }) => {
      const row = [...document.querySelectorAll('[data-testid="patient-row"]')].find(
        (r) => r.querySelector('[data-testid="patient-name"]')?.textContent === name,
      );
      const img = row?.querySelector('[data-testid="patient-photo"]');
      if (!img || !img.complete || img.naturalWidth === 0) return false;
      const photo = { src: img.currentSrc, width: img.naturalWidth, height: img.naturalHeight };
      return new Function("photo", `return (${test})(photo)`)(photo) && photo;
    },
    { name, test: test.toString() },
    what,
  );
}

const tokenOf = (src) => new URL(src).searchParams.get("token");
const tokenPayload = (token) => JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString());
const withoutToken = (src) => {
  const url = new URL(src);
  url.searchParams.delete("token");
  return url.href;
};

/** Adds a patient through window A's form with `photo` picked; resolves once the form is sent. */
async function addPatientWithPhoto(ctx, name, bed, photo) {
  const { a } = ctx;
  await a.page.getByTestId("new-patient").click();
  await fillPatientForm(a.page, { name, ward: ctx.wards.C.label, bed });
  await a.page.getByTestId("field-photo").setInputFiles({ name: photo.name, mimeType: "image/png", buffer: photo.buffer });
  await a.page.getByTestId("save-patient").click();
}

export const fileChecks = [
  {
    name: "patient photo: A adds a patient with a 3.6 MB photo; the row shows it at once from a local object URL, the upload reports its progress, then the server's 100x100 thumbnail with A's file token (refused without it); B shows it live with a token of his own; no object URL left unrevoked",
    async run(ctx) {
      const { a, b, admin } = ctx;
      // Short-lived file tokens for staff, so the next check sees one renewed.
      const staff = await admin.collections.getOne("staff");
      await admin.collections.update(staff.id, { fileToken: { ...staff.fileToken, duration: TOKEN_SECONDS } });
      await showWard(ctx, a, "C");
      await showWard(ctx, b, "C");
      await instrument(a.page);
      const cdp = await a.context.newCDPSession(a.page);
      await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: UPLOAD_BYTES_PER_SECOND });
      const buffer = noisePng(1200, 1000, 18);
      try {
        await addPatientWithPhoto(ctx, "Pia Lindgren", 21, { name: "pia.png", buffer });
        const preview = await rowPhoto(a.page, "Pia Lindgren", (p) => p.src.startsWith("blob:"), "the picked photo shown at once");
        await until(a.page, () => document.querySelector('[data-testid="upload-progress"]'), null, "the progress bar");
        const stored = await rowPhoto(a.page, "Pia Lindgren", (p) => p.src.startsWith("http"), "the server's photo", 15_000);
        const progress = await a.page.evaluate(() => window.__files.progress);
        const before = progress.filter((e) => e.loaded < e.total);
        if (before.length < 2) throw new Error(`${before.length} progress events before the upload completed: ${JSON.stringify(progress)}`);
        if (progress.at(-1).loaded !== progress.at(-1).total) throw new Error(`the last progress event is ${JSON.stringify(progress.at(-1))}`);
        if (preview.width !== 1200 || preview.height !== 1000) throw new Error(`the preview is ${preview.width}x${preview.height}, not the picked 1200x1000`);
        if (stored.width !== THUMB || stored.height !== THUMB) throw new Error(`the thumbnail is ${stored.width}x${stored.height}, not ${THUMB}x${THUMB}`);
        if (new URL(stored.src).searchParams.get("thumb") !== `${THUMB}x${THUMB}`) throw new Error(`no thumb in ${stored.src}`);
        const withToken = await fetch(stored.src);
        const bare = await fetch(withoutToken(stored.src));
        if (withToken.status !== 200 || bare.status === 200) throw new Error(`with the token ${withToken.status}, without ${bare.status}`);
        const seenByB = await rowPhoto(b.page, "Pia Lindgren", (p) => p.src.startsWith("http"), "B's photo of the new patient");
        const [ofA, ofB] = [tokenPayload(tokenOf(stored.src)).id, tokenPayload(tokenOf(seenByB.src)).id];
        if (ofA === ofB) throw new Error("A and B show the photo with the same user's token");
        const files = await until(a.page, () => window.__files.made.length > 0 && window.__files.made.every((u) => window.__files.revoked.includes(u)) && window.__files, null, "every object URL revoked");
        return (
          `preview ${preview.width}x${preview.height} from a local object URL; ${progress.length} progress events (${before.length} before the end) ` +
          `for ${(progress.at(-1).total / 1e6).toFixed(1)} MB; then ${stored.width}x${stored.height} from the server (200 with the token, ${bare.status} without); ` +
          `B sees it with his own token; object URLs made ${files.made.length}, revoked ${files.revoked.length}`
        );
      } finally {
        await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
        await cdp.detach();
      }
    },
  },

  {
    name: "the photo's file token is renewed: after its lifetime (10 s here) the row, shown again, loads the photo with a renewed token, and the old URL is refused",
    async run(ctx) {
      const { a } = ctx;
      const first = await rowPhoto(a.page, "Pia Lindgren", (p) => p.src.startsWith("http"), "the photo");
      const expires = tokenPayload(tokenOf(first.src)).exp * 1000;
      // Wait, with a deadline, until the first token has expired on the server's clock too.
      const deadline = Date.now() + (TOKEN_SECONDS + 5) * 1000;
      while ((await fetch(first.src)).status === 200) {
        if (Date.now() > deadline) throw new Error(`the first token still opens the photo ${Math.round((Date.now() - expires) / 1000)} s after its exp`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      // Shown again: another ward, then ward C, mounts the row anew.
      await choose(a.page, "filter-ward", ctx.wards.A.label);
      await waitForRow(a.page, "Pia Lindgren", { state: "gone" });
      await choose(a.page, "filter-ward", ctx.wards.C.label);
      const again = await rowPhoto(a.page, "Pia Lindgren", (p) => p.src.startsWith("http"), "the photo shown again");
      if (tokenOf(again.src) === tokenOf(first.src)) throw new Error("the photo is shown with the expired token");
      if (again.width !== THUMB) throw new Error(`the photo shown again is ${again.width} wide`);
      return `first token expired (its URL now refused); shown again with a renewed token, ${again.width}x${again.height}`;
    },
  },

  {
    name: "a photo over the field's 10 MB: the row is rolled back, the form shows the server's message for the photo, and the failed create still holds the File for a retry",
    async run(ctx) {
      const { a } = ctx;
      await instrument(a.page);
      const buffer = noisePng(1900, 1950, 27);
      await addPatientWithPhoto(ctx, "Hugo Brenner", 22, { name: "hugo.png", buffer });
      const message = await until(a.page, () => document.querySelector('[data-testid="error-photo"]')?.textContent, null, "the photo's error");
      await waitForRow(a.page, "Hugo Brenner", { state: "gone" });
      const shown = await a.page.evaluate(() => window.__renderedPatientNames.has("Hugo Brenner"));
      if (!shown) throw new Error("the new patient's row was never shown before the refusal");
      if (!/maximum allowed file size/.test(message)) throw new Error(`the photo's error is "${message}"`);
      const kept = await a.page.evaluate(() => {
        const failed = window.__clinic.queryClient.getMutationCache().findAll({ mutationKey: ["pocketbase", "patients", "create"], status: "error" }).at(-1);
        const photo = failed?.state.variables?.photo;
        return photo instanceof File ? { name: photo.name, size: photo.size } : null;
      });
      if (!kept || kept.size !== buffer.length) throw new Error(`the failed create holds ${JSON.stringify(kept)}, not the ${buffer.length}-byte file`);
      const files = await until(a.page, () => window.__files.made.every((u) => window.__files.revoked.includes(u)) && window.__files, null, "every object URL revoked");
      await a.page.getByRole("button", { name: "Cancel" }).click();
      return `${(buffer.length / 1e6).toFixed(1)} MB refused: "${message}"; the row rolled back; the failed create holds ${kept.name} (${kept.size} bytes); object URLs made ${files.made.length}, revoked ${files.revoked.length}`;
    },
  },
];
