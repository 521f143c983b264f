import type { AppDeps } from '../../app';
import type { AnyRoute } from '../../http/route';

export function personRoutes(deps: AppDeps): AnyRoute[] {
  void deps;
  return [];
}
