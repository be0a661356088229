// Every case workflow, by kind and procedure.
import type { Workflow } from '../workflow.ts';
import { COERCION_EXECUTION } from './coercion.execution.workflow.ts';
import { COERCION_MEASURE } from './coercion.measure.workflow.ts';
import { EXPROPRIATION } from './expropriation.workflow.ts';
import {
  INSPECTION_COMMITMENT,
  INSPECTION_RANDOM,
  INSPECTION_ROUTINE,
} from './inspection.workflow.ts';
import { PENALTY_ORDINARY, PENALTY_SUMMARY } from './penalty.workflow.ts';
import {
  PERMIT_CANCEL,
  PERMIT_CHANGE,
  PERMIT_GRANT,
  PERMIT_RENEW,
  PERMIT_REVOKE,
} from './permit.workflow.ts';

export const WORKFLOWS: readonly Workflow[] = [
  PENALTY_ORDINARY,
  PENALTY_SUMMARY,
  PERMIT_GRANT,
  PERMIT_CHANGE,
  PERMIT_RENEW,
  PERMIT_REVOKE,
  PERMIT_CANCEL,
  COERCION_MEASURE,
  COERCION_EXECUTION,
  INSPECTION_ROUTINE,
  INSPECTION_RANDOM,
  INSPECTION_COMMITMENT,
  EXPROPRIATION,
];

export function findWorkflow(kind: string, procedure: string): Workflow | undefined {
  return WORKFLOWS.find((w) => w.kind === kind && w.procedure === procedure);
}
