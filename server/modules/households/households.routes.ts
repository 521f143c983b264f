import type { AppDeps } from '../../app';
import type { AnyRoute } from '../../http/route';

export function householdRoutes(deps: AppDeps): AnyRoute[] {
  void deps;
  return [];
}
