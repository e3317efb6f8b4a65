import { createRequire } from 'node:module';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

// pdfmake on the server with the Roboto fonts shipped in its npm package: nothing is fetched at run time.
const require = createRequire(import.meta.url);
const fonts = require('pdfmake/fonts/Roboto.js') as Record<string, Record<string, string>>;

interface PdfMake {
  setFonts(f: unknown): void;
  setUrlAccessPolicy?(policy: (url: string) => boolean): void;
  setLocalAccessPolicy?(policy: (path: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}
let instance: PdfMake | undefined;

function pdfmake(): PdfMake {
  if (!instance) {
    instance = require('pdfmake') as PdfMake;
    instance.setFonts(fonts);
    // Documents are built from our own text only; refuse any URL a definition might name.
    instance.setUrlAccessPolicy?.(() => false);
    // Only the fonts may be read from disk.
    const fontFiles = new Set(Object.values(fonts).flatMap((f) => Object.values(f)));
    instance.setLocalAccessPolicy?.((file) => fontFiles.has(file));
  }
  return instance;
}

/** Renders a pdfmake document definition to PDF bytes (Roboto, A4, no remote resources). */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  return pdfmake()
    .createPdf({
      pageSize: 'A4',
      pageMargins: [40, 48, 40, 48],
      defaultStyle: { font: 'Roboto', fontSize: 10 },
      ...doc,
    })
    .getBuffer();
}
