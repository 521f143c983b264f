import type { AppDeps } from '../../app';
import type { AnyRoute } from '../../http/route';

export function allocationOffersRoutes(_deps: AppDeps): AnyRoute[] {
  return [];
}
