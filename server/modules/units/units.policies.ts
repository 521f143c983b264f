import type { Actor } from '../auth/actor';

// Until the full permission matrix arrives (issue 3), only administrators manage units.
export function unitPolicies(actor: Actor) {
  const manage = actor.roles.includes('admin');
  return { create: manage, update: manage };
}
