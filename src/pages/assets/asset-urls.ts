import { assets } from "./assets.generated.js";

/** The asset's address with its content hash, so a new version is never served from a stale cache. */
export function assetUrl(name: string): string {
  const asset = assets[name];
  if (!asset) throw new Error(`No asset named ${name}`);
  return `/assets/${name}?v=${asset.hash}`;
}
