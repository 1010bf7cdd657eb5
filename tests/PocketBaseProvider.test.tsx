// @vitest-environment jsdom
import { QueryClientProvider } from "@tanstack/solid-query";
import { renderHook } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { useCollection } from "../src/useCollection";
import { usePocketBase } from "../src/usePocketBase";
import { newClient } from "./helpers/pocketbase";
import { renderWithClient, testQueryClient } from "./helpers/render";

describe("PocketBaseProvider", () => {
  it("gives hooks the client", () => {
    const pb = newClient();
    const { result } = renderWithClient(() => usePocketBase(), pb);
    expect(result).toBe(pb);
  });

  it("a hook outside the provider throws an error that says what to wrap the app in", () => {
    const queryClient = testQueryClient();
    expect(() =>
      renderHook(() => useCollection("posts"), {
        wrapper: (props) => <QueryClientProvider client={queryClient}>{props.children}</QueryClientProvider>,
      }),
    ).toThrow(/Wrap your app in <PocketBaseProvider client=\{pb\}>/);
  });

  it("an explicit client override works without the provider", () => {
    const pb = newClient();
    const { result } = renderHook(() => usePocketBase(pb));
    expect(result).toBe(pb);
  });
});
