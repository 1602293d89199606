// The stored page pictures of a map bound into one PDF, a page each at the picture's own size:
// on WhatsApp a map of several pages goes out as its pages plus this one document, which a phone
// opens and zooms as one. Nothing is drawn here: the PNGs are the render job's, embedded as
// they are.
import PDFDocument from 'pdfkit';

/** Width and height of a PNG, from its IHDR chunk; null when it is no PNG. */
function pngSize(png: Uint8Array): { w: number; h: number } | null {
  if (png.length < 24 || png[0] !== 0x89 || png[1] !== 0x50) return null;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { w: view.getUint32(16), h: view.getUint32(20) };
}

/** One PDF of the pages, titled; null when a page is not a PNG. */
export async function pagesAsPdf(pages: Uint8Array[], title: string): Promise<Uint8Array | null> {
  const sizes = pages.map(pngSize);
  if (!pages.length || sizes.some((s) => !s)) return null;
  const doc = new PDFDocument({ autoFirstPage: false, margin: 0, info: { Title: title } });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  pages.forEach((png, i) => {
    // Pictures are rasterised at 2x: half their pixels in points keeps them sharp and A3-ish.
    const { w, h } = sizes[i]!;
    const size: [number, number] = [Math.max(1, w / 2), Math.max(1, h / 2)];
    doc.addPage({ size, margin: 0 });
    doc.image(Buffer.from(png), 0, 0, { width: size[0], height: size[1] });
  });
  doc.end();
  return done;
}
