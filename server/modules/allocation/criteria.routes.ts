import type { AppDeps } from '../../app';
import type { AnyRoute } from '../../http/route';

export function allocationCriteriaRoutes(_deps: AppDeps): AnyRoute[] {
  return [];
}
