import type { AppDeps } from '../../app';
import type { AnyRoute } from '../../http/route';

export function intakeRoutes(deps: AppDeps): AnyRoute[] {
  void deps;
  return [];
}
