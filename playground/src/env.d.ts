/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** PocketBase URL; scripts/playground.mjs sets it to the server it uses. */
  readonly VITE_PB_URL?: string;
}
