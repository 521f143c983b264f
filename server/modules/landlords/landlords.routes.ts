import type { AppDeps } from '../../app';
import type { AnyRoute } from '../../http/route';

export function landlordRoutes(deps: AppDeps): AnyRoute[] {
  void deps;
  return [];
}
