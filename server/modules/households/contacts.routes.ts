import type { AppDeps } from '../../app';
import type { AnyRoute } from '../../http/route';

export function contactRoutes(deps: AppDeps): AnyRoute[] {
  void deps;
  return [];
}
