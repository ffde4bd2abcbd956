declare module 'dynalite' {
  import type { Server } from 'http';
  interface DynaliteOptions {
    path?: string; createTableMs?: number; deleteTableMs?: number; updateTableMs?: number;
    maxItemSizeKb?: number; ssl?: boolean; verbose?: boolean; debug?: boolean; host?: string;
  }
  function dynalite(options?: DynaliteOptions): Server;
  export = dynalite;
}
