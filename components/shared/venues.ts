import { isVenueId, venueOf } from '@/core/venues/registry';

/** The venue's own name ("Binance"), or the id as given when it is not one of ours. */
export function venueLabel(venue: string): string {
  return isVenueId(venue) ? venueOf(venue).label : venue;
}
