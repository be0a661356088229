// Every case workflow, by kind and procedure.
import type { Workflow } from '../workflow.ts';
import { PENALTY_ORDINARY, PENALTY_SUMMARY } from './penalty.workflow.ts';

export const WORKFLOWS: readonly Workflow[] = [PENALTY_ORDINARY, PENALTY_SUMMARY];

export function findWorkflow(kind: string, procedure: string): Workflow | undefined {
  return WORKFLOWS.find((w) => w.kind === kind && w.procedure === procedure);
}
