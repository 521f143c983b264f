import { actorCan, type Actor } from '../auth/actor';

/** What the actor may do with units; sent with the list so the UI shows only allowed actions. */
export function unitPolicies(actor: Actor) {
  const write = actorCan(actor, 'write:unit:any');
  return { create: write, update: write };
}
