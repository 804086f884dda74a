import { AppBskyRichtextFacet, RichText } from '@atproto/api';

/** Who a reply may mention: the author it answers, and no one else. */
export interface Addressee {
  did: string;
  handle?: string;
}

/**
 * The text with its facets, as Bluesky needs them to make links clickable and mentions notify: links
 * are kept; an @mention becomes a mention facet only when it names the author being answered (with
 * their DID, known from the mention, so no handle is resolved). Any other @handle stays plain text, so
 * the brand never notifies anyone but the author.
 */
export function buildFacets(
  text: string,
  addressee?: Addressee,
): { text: string; facets: AppBskyRichtextFacet.Main[] } {
  const rt = new RichText({ text });
  rt.detectFacetsWithoutResolution();
  const handle = addressee?.handle?.toLowerCase();
  const facets = (rt.facets ?? []).flatMap((facet) => {
    const features: AppBskyRichtextFacet.Main['features'] = [];
    for (const f of facet.features) {
      if (AppBskyRichtextFacet.isLink(f)) features.push(f);
      else if (AppBskyRichtextFacet.isMention(f) && addressee && handle && f.did.toLowerCase() === handle)
        features.push({ ...f, did: addressee.did });
    }
    return features.length ? [{ ...facet, features } as AppBskyRichtextFacet.Main] : [];
  });
  return { text: rt.text, facets };
}
