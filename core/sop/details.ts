// What an SOP AP (Permenpan-RB 35/2012) needs that the map does not hold: its number and dates,
// who ratifies it, and the lists of its identity block. Asked of the process owner in a short
// follow-up in chat, stored apart from the flow (one person's answer never throws away another's),
// and editable. Dasar Hukum is the process's own `legalBasis` (from an import) followed by
// `dasarHukum` given here; Keterkaitan comes from its handoffs.
import { z } from 'zod';
import { Id } from '../model/organisation.js';

const Item = z.string().trim().min(1).max(500);

/** NIP of a civil servant: 18 digits, often written in groups ("19700101 199003 1 002"). */
export const Nip = z
  .string()
  .transform((s) => s.replace(/[\s.-]/g, ''))
  .pipe(z.string().regex(/^\d{18}$/, 'NIP terdiri dari 18 angka'));

/** Disahkan oleh: the official who signs the SOP (jabatan, nama, NIP). */
export const Signatory = z.object({
  jabatan: z.string().trim().min(1).max(200),
  nama: z.string().trim().min(1).max(200).nullable().default(null),
  nip: Nip.nullable().default(null),
});
export type Signatory = z.infer<typeof Signatory>;

/**
 * The SOP identity block of one process, e.g.
 * `{"processId": "p-03-01", "nomor": "800/12/SOP/2026", "tanggalEfektif": "2027-01-02",
 *   "disahkanOleh": {"jabatan": "Sekretaris Daerah", "nama": "Drs. Budi", "nip": "197001011990031002"},
 *   "dasarHukum": ["Permendagri 86/2017"], "kualifikasi": ["S1 Ekonomi"], "peralatan": ["Komputer", "Printer"],
 *   "peringatan": ["Jika berkas tidak lengkap, permohonan dikembalikan"],
 *   "pencatatan": ["Buku agenda surat masuk"]}`.
 * Every field may still be empty: an SOP drawn before the follow-up shows "-" there.
 */
export const SopDetails = z.object({
  processId: Id,
  nomor: z.string().trim().min(1).max(100).nullable().default(null),
  /** YYYY-MM-DD. Pembuatan defaults to the day the details were first given. */
  tanggalPembuatan: z.iso.date().nullable().default(null),
  tanggalRevisi: z.iso.date().nullable().default(null),
  tanggalEfektif: z.iso.date().nullable().default(null),
  disahkanOleh: Signatory.nullable().default(null),
  dasarHukum: z.array(Item).max(30).default([]),
  kualifikasi: z.array(Item).max(30).default([]),
  peralatan: z.array(Item).max(30).default([]),
  peringatan: z.array(Item).max(30).default([]),
  pencatatan: z.array(Item).max(30).default([]),
});
export type SopDetails = z.infer<typeof SopDetails>;

/** The details of a process nobody has given yet. */
export function emptySopDetails(processId: string): SopDetails {
  return SopDetails.parse({ processId });
}

/** Paper an office prints on: A4 (210x297 mm) or F4/folio (215x330 mm), portrait. */
export const Paper = z.enum(['a4', 'f4']);
export type Paper = z.infer<typeof Paper>;
