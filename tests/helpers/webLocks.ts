// Web Locks for tests that run in Node, which has BroadcastChannel but no navigator.locks: the
// part of the API the shared realtime hub uses (exclusive `request(name, callback)`, granted in
// the order asked, held until the callback's promise settles). One instance stands for one
// browser: every hub of the test process shares it. Real Web Locks, with tabs that close and
// crash, are exercised in Chromium by e2e/checks.mjs.
export function webLocks() {
  const held = new Set<string>();
  const waiting = new Map<string, (() => void)[]>();
  return {
    request<T>(name: string, callback: () => T | Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const grant = () => {
          held.add(name);
          Promise.resolve()
            .then(callback)
            .then(resolve, reject)
            .finally(() => {
              held.delete(name);
              waiting.get(name)?.shift()?.();
            });
        };
        if (!held.has(name) && !waiting.get(name)?.length) grant();
        else waiting.set(name, [...(waiting.get(name) ?? []), grant]);
      });
    },
  };
}
