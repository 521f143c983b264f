import type { AppDeps } from '../../app';
import type { AnyRoute } from '../../http/route';

export function allocationRunsRoutes(_deps: AppDeps): AnyRoute[] {
  return [];
}
