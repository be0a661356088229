// The jobs this installation runs, for `serve` to hand to its runner. A module adds its job here
// (name, handler, schedule); see README.md for what a handler must guarantee.
import type { AppContext } from '../app.ts';
import { FIXITY_JOB, runFixityCheck } from '../modules/archive/fixity.ts';
import type { JobDefinition } from './runner.ts';

const DAY = 86_400;

export function jobDefinitions(ctx: Pick<AppContext, 'blobs'>): JobDefinition[] {
  return [
    {
      name: FIXITY_JOB,
      // Daily: each blob is read once a day. DA/T 70 asks for periodic checks without a period.
      everySeconds: DAY,
      maxAttempts: 3,
      backoffSeconds: 600,
      async run({ db, signal, job }) {
        const report = await runFixityCheck(db, ctx.blobs, { jobId: job.id, signal });
        return {
          runId: report.runId,
          blobsChecked: report.blobsChecked,
          problems: report.warnings.length,
        };
      },
    },
  ];
}
