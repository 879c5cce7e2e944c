import { isVenueId } from '@/core/types';
import { SITES } from '@/core/venues/sites';

/** The venue's own name ("Binance"), or the id as given when it is not one of ours. */
export function venueLabel(venue: string): string {
  return isVenueId(venue) ? SITES[venue].label : venue;
}
