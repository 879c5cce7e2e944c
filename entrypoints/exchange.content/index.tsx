import { contentScriptMatches } from '@/core/venues/sites';

export default defineContentScript({
  matches: contentScriptMatches(),
  main() {},
});
