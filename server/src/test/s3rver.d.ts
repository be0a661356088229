// The parts of @20minutes/s3rver (a Koa application speaking the S3 REST protocol) that the
// tests use; the package ships no types.
declare module '@20minutes/s3rver' {
  import type { Server } from 'node:http';

  interface KoaContext {
    method: string;
    path: string;
    query: Record<string, string | string[] | undefined>;
    status: number;
    body: unknown;
    type: string;
    get(header: string): string;
    store: { existsObject(bucket: string, key: string): Promise<boolean> };
  }

  export default class S3rver {
    constructor(options: {
      address?: string;
      port?: number;
      silent?: boolean;
      directory: string;
      configureBuckets?: { name: string; configs?: unknown[] }[];
    });
    middleware: ((ctx: KoaContext, next: () => Promise<void>) => Promise<void>)[];
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
    httpServer?: Server;
  }
}
