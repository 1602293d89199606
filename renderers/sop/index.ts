// The SOP AP of a process (Permenpan-RB 35/2012) as documents to file: PDF and editable DOCX.
export { sopPdf, PAPER_SIZE } from './pdf.js';
export { sopDocx } from './docx.js';
export { sopContent, type SopInput, type SopContent } from './content.js';
