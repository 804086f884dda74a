import Module, { createRequire } from 'node:module';

type TwitterText = typeof import('twitter-text');

/**
 * twitter-text, loaded without core-js 2's `split` polyfill.
 *
 * twitter-text's IDNA helper requires `core-js/modules/es6.regexp.split`, whose feature test sets
 * `constructor` on a RegExp instance. V8 takes that as a change to how regexps find their species and
 * turns off its fast paths for every regexp of the process, for good: measured, a `.replace(/\s+/g,
 * ' ')` ran 6 to 8 times slower from then on, in the scorer, the composer and the text hashes alike,
 * whether or not X was configured (the X limit is known to every process). Node 20's own split is the
 * standard one the polyfill would install, so an empty module stands in for it.
 */
function loadTwitterText(): TwitterText {
  try {
    // Resolved as twitter-text resolves it, so the stub sits where its require looks.
    const polyfill = createRequire(require.resolve('twitter-text')).resolve('core-js/modules/es6.regexp.split');
    if (!require.cache[polyfill]) {
      const stub = new Module(polyfill);
      stub.filename = polyfill;
      stub.loaded = true;
      require.cache[polyfill] = stub;
    }
  } catch {
    // A layout without that polyfill (a newer twitter-text): nothing to stand in for.
  }
  return require('twitter-text') as TwitterText;
}

export const twitterText = loadTwitterText();
