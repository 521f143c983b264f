import type { AppDeps } from '../../app';
import type { AnyRoute } from '../../http/route';

export function settlementSettingsRoutes(deps: AppDeps): AnyRoute[] {
  void deps;
  return [];
}
