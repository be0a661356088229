#!/usr/bin/env node
// Entry point for `npx sanxiang <command>` and `npm start`. TypeScript runs through tsx so that a
// fresh clone needs no build step before its first start.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
