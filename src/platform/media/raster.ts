import type { Metadata, Sharp } from 'sharp';
import { Malformed, Unavailable } from './bytes';

// Photos are decoded to pixels and encoded again: nothing of the file that came in survives but the picture, so
// no EXIF, XMP, MPF, ICC, text chunk or appended second picture or video can ride along, whatever its structure.

type SharpLib = typeof import('sharp').default;
let loaded: Promise<SharpLib> | undefined;

/** sharp, loaded on the first photo (not at every start of the server or the CLI) and configured once. */
function lib(): Promise<SharpLib> {
  loaded ??= import('sharp').then(
    ({ default: sharp }) => {
      // libvips keeps recently decoded images in a cache; a victim's photo must not outlive its request in memory.
      sharp.cache(false);
      // Only the JPEG and PNG decoders may run, whatever the bytes turn out to be (no SVG, PDF, TIFF, HEIF loaders).
      sharp.block({ operation: ['VipsForeignLoad'] });
      sharp.unblock({ operation: ['VipsForeignLoadJpeg', 'VipsForeignLoadPng'] });
      return sharp;
    },
    (err) => {
      loaded = undefined;
      throw new Unavailable('sharp', { cause: err });
    },
  );
  return loaded as Promise<SharpLib>;
}

export class TooManyPixels extends Error {}

const encode = { jpeg: (s: Sharp) => s.jpeg({ quality: 90 }), png: (s: Sharp) => s.png() };

/**
 * Re-encodes a JPEG or PNG from its pixels, upright (EXIF orientation applied before it is dropped), refusing a
 * picture of more than `maxPixels` before decoding it. sharp writes no metadata unless asked to (and is not), and
 * nothing after the picture's end: its output is stored as it comes (media-hostile.test.ts checks both).
 */
export async function rebuildImage(b: Buffer, format: 'jpeg' | 'png', maxPixels: number): Promise<Buffer> {
  const sharp = await lib();
  // 'error' rather than the stricter 'warning': phone cameras write JPEGs with harmless warnings (extraneous
  // bytes before a marker) that would otherwise refuse ordinary photos; broken data still fails.
  const options = { failOn: 'error', limitInputPixels: maxPixels, sequentialRead: true, pages: 1 } as const;
  let meta: Metadata;
  try {
    meta = await sharp(b, { ...options, limitInputPixels: false }).metadata(); // the header only: checked below
  } catch {
    throw new Malformed('unreadable image');
  }
  if (meta.format !== format) throw new Malformed('image of another format');
  if (meta.width * meta.height > maxPixels) throw new TooManyPixels();
  try {
    return await encode[format](sharp(b, { ...options, autoOrient: true })).toBuffer();
  } catch {
    throw new Malformed('undecodable image');
  }
}
