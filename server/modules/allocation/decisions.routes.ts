import type { AppDeps } from '../../app';
import type { AnyRoute } from '../../http/route';

export function allocationDecisionsRoutes(_deps: AppDeps): AnyRoute[] {
  return [];
}
