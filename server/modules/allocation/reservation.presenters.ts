import type { OfferDto } from '../../../shared/api/allocation';
import type { Actor } from '../auth/actor';
import { presentOfferRow } from './offers.presenters';
import type { OfferRow } from './offers.repository';

// An offer as the API shows it. One presenter for every offer endpoint: the reservation's answer
// and the offers module's (offers.presenters.ts holds the mapping; this is its name here).

export function presentOffer(actor: Actor, row: OfferRow): OfferDto {
  return presentOfferRow(actor, row);
}

export { presentOfferRow };
