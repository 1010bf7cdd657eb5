// Renders hooks and components inside both providers, with a fresh QueryClient per call.
import { QueryClient, QueryClientProvider } from "@tanstack/solid-query";
import { renderHook } from "@solidjs/testing-library";
import type PocketBase from "pocketbase";
import type { JSX } from "solid-js";
import type { FieldDeclaration } from "../../src/core/filter/types";
import { PocketBaseProvider } from "../../src/PocketBaseProvider";

/**
 * A QueryClient for tests: TanStack's defaults (3 retries for queries) but no delay between
 * retries, so retry behaviour is real and fast.
 */
export function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retryDelay: 0 }, mutations: { retryDelay: 0 } } });
}

/** The two providers around `children`. */
export function Providers(props: {
  pb: PocketBase;
  queryClient: QueryClient;
  fieldTypes?: Record<string, Record<string, FieldDeclaration>>;
  children?: JSX.Element;
}) {
  return (
    <QueryClientProvider client={props.queryClient}>
      <PocketBaseProvider client={props.pb} fieldTypes={props.fieldTypes}>
        {props.children}
      </PocketBaseProvider>
    </QueryClientProvider>
  );
}

/** Runs `hook` inside the providers; returns its result, the QueryClient and `cleanup` (unmount). */
export function renderWithClient<R>(
  hook: () => R,
  pb: PocketBase,
  queryClient = testQueryClient(),
  fieldTypes?: Record<string, Record<string, FieldDeclaration>>,
) {
  const rendered = renderHook(hook, {
    wrapper: (props) => (
      <Providers pb={pb} queryClient={queryClient} fieldTypes={fieldTypes}>
        {props.children}
      </Providers>
    ),
  });
  return { result: rendered.result, queryClient, cleanup: rendered.cleanup };
}
