// Types of svg-to-pdfkit (the one function it exports), the parts this project uses.
declare module 'svg-to-pdfkit' {
  interface SvgToPdfOptions {
    /** The name of a font registered on the document for an SVG font family. */
    fontCallback?: (family: string, bold: boolean, italic: boolean) => string;
    warningCallback?: (message: string) => void;
    assumePt?: boolean;
  }
  function SVGtoPDF(
    doc: PDFKit.PDFDocument,
    svg: string,
    x: number,
    y: number,
    options?: SvgToPdfOptions,
  ): void;
  export default SVGtoPDF;
}
