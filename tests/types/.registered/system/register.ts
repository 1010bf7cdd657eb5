// The typegen registration (../typegen/register.ts, merged in) of an app that also works with
// PocketBase's own collections.
declare module "solid-query-pocketbase" {
  interface Register {
    systemCollections: true;
  }
}

export {};
