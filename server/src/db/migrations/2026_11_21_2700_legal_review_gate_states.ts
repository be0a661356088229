// The legal-review trigger on cases also guards the decisions that do not enter 'decided': a
// coercive measure put into effect ('in_effect'; until now only its decision date was guarded),
// the disposal of seized property (拍卖或者处置查封扣押的财物, XC 附件3 第五条; coercion/measure
// `dispose` → 'disposed') and the application to a court for enforcement (申请人民法院强制执行,
// NC 二（三）12（3）; coercion/execution `apply_to_court` → 'court_applied'). Their workflow
// actions carry the gate; with this, a write that goes around them is refused too.
import { sql, type Kysely } from 'kysely';

const gateFunction = (decisionStates: string) => sql`
  create or replace function sanxiang_legal_review_gate() returns trigger
    language plpgsql as $$
    declare
      is_entering boolean;
      chk record;
    begin
      if tg_op = 'INSERT' then
        is_entering := new.state in (${sql.raw(decisionStates)}) or new.decided_on is not null;
      else
        is_entering := (new.state in (${sql.raw(decisionStates)})
            and old.state is distinct from new.state)
          or (new.decided_on is not null and old.decided_on is null);
      end if;
      if not is_entering then
        return new;
      end if;
      select * into chk from legal_review_gate_checks g
        where g.case_id = new.id and g.txid = txid_current()
          and g.proposal is not distinct from (new.details -> 'proposed')
        order by g.id desc limit 1;
      if not found then
        raise exception 'case %: a decision needs the legal-review gate in the same transaction', new.id
          using errcode = 'SX002';
      end if;
      if chk.basis = 'agreed' then
        perform 1 from legal_review_opinions o
          join legal_review_rounds r on r.id = o.round_id
          where o.id = chk.opinion_id and o.is_agreement and r.case_id = new.id
            and r.proposal is not distinct from (new.details -> 'proposed');
        if not found then
          raise exception 'case %: the agreeing opinion is not for this proposed decision', new.id
            using errcode = 'SX002';
        end if;
      elsif chk.basis = 'collective_decision' then
        perform 1 from legal_review_disputes d
          where d.id = chk.dispute_id and d.case_id = new.id and d.kind = 'resolution'
            and d.resolution = 'proceed_as_proposed'
            and d.proposal is not distinct from (new.details -> 'proposed');
        if not found then
          raise exception 'case %: no collective decision for this proposed decision', new.id
            using errcode = 'SX002';
        end if;
      end if;
      return new;
    end $$`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await gateFunction(`'decided', 'in_effect', 'disposed', 'court_applied'`).execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await gateFunction(`'decided'`).execute(db);
}
