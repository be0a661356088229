// Who may use the working-day calendar. Reading is public: the holiday calendar is published law,
// the answers reveal nothing about any case, and other systems (and the portal's "答复期限" pages)
// compute the same due dates without logging in. Changing it is the administrator's job.
import { publicPolicy, rolePolicy } from '../../shared/policy.ts';

export const calendarPolicies = {
  read: publicPolicy('calendar.read'),
  importYear: rolePolicy('calendar.import', ['admin']),
};
