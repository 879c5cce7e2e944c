import { isVenueId, basicsOf } from '@/core/venues/registry';

/** The venue's own name ("Binance"), or the id as given when it is not one of ours. */
export function venueLabel(venue: string): string {
  return isVenueId(venue) ? basicsOf(venue).label : venue;
}
