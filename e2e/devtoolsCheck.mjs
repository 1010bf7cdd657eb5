// The playground mounts TanStack's devtools in development: the panel opens and lists this
// library's keys, which read as ["pocketbase", collection, kind, params].
import { until } from "./board.mjs";

export const devtoolsCheck = {
  name: "TanStack's devtools: the panel opens in the playground and lists the library's [\"pocketbase\", …] keys",
  async run({ a }) {
    const toggle = a.page.getByRole("button", { name: /open tanstack query devtools/i });
    await toggle.click();
    const key = await until(
      a.page,
      () => {
        // The panel is rendered by Solid into the page (a shadow root if the devtools use one).
        const roots = [document, ...[...document.querySelectorAll("*")].filter((e) => e.shadowRoot).map((e) => e.shadowRoot)];
        for (const root of roots) {
          for (const element of root.querySelectorAll("code, span, div")) {
            const text = element.textContent ?? "";
            if (element.children.length === 0 && /^\["pocketbase","patients",/.test(text.replace(/\s/g, ""))) return text;
          }
        }
        return false;
      },
      null,
      'a ["pocketbase", "patients", …] key in the devtools panel',
    );
    await a.page.getByRole("button", { name: /close tanstack query devtools/i }).first().click();
    return `the panel lists ${key.replace(/\s+/g, " ").slice(0, 80)}`;
  },
};
