// The jobs this installation runs, for `serve` to hand to its runner. A module adds its job here
// (name, handler, schedule); see README.md for what a handler must guarantee.
import type { AppContext } from '../app.ts';
import { FIXITY_JOB, runFixityCheck } from '../modules/archive/fixity.ts';
import { createUploadService, UPLOAD_EXPIRY_JOB } from '../modules/evidence/uploads.service.ts';
import type { JobDefinition } from './runner.ts';

const HOUR = 3_600;
const DAY = 24 * HOUR;

export function jobDefinitions(ctx: AppContext): JobDefinition[] {
  const uploads = createUploadService(ctx);
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
    {
      name: UPLOAD_EXPIRY_JOB,
      // Hourly: an abandoned upload's partial bytes go within an hour of its expiry.
      everySeconds: HOUR,
      maxAttempts: 3,
      backoffSeconds: 300,
      async run({ signal }) {
        return { expired: await uploads.expireAbandoned({ signal }) };
      },
    },
  ];
}
