// Table-driven: what the bot proposes for what staff actually type, and what it must leave alone.
import { describe, expect, it } from 'vitest';
import {
  isActiveVerbPhrase,
  isNounPhrase,
  meN,
  rewriteStep,
  suggestActiveVerb,
  suggestProcessName,
} from '../../core/language/indonesian.js';

describe('meN- morphophonology', () => {
  it.each([
    // me- before l m n r w y
    ['lengkapi', 'melengkapi'],
    ['minta', 'meminta'],
    ['nilai', 'menilai'],
    ['rekap', 'merekap'],
    ['wawancarai', 'mewawancarai'],
    // mem- before b f v; p drops before a vowel, stays in a cluster and in per-
    ['buat', 'membuat'],
    ['fasilitasi', 'memfasilitasi'],
    ['verifikasi', 'memverifikasi'],
    ['periksa', 'memeriksa'],
    ['pukul', 'memukul'],
    ['proses', 'memproses'],
    ['perbaiki', 'memperbaiki'],
    // men- before c d j z sy; t drops before a vowel, stays in a cluster
    ['catat', 'mencatat'],
    ['disposisikan', 'mendisposisikan'],
    ['jadwalkan', 'menjadwalkan'],
    ['syaratkan', 'mensyaratkan'],
    ['tulis', 'menulis'],
    ['terima', 'menerima'],
    ['tandatangani', 'menandatangani'],
    ['transfer', 'mentransfer'],
    // meng- before vowels g h kh; k drops before a vowel, stays in a cluster
    ['input', 'menginput'],
    ['arsipkan', 'mengarsipkan'],
    ['gandakan', 'menggandakan'],
    ['hitung', 'menghitung'],
    ['khususkan', 'mengkhususkan'],
    ['kirim', 'mengirim'],
    ['koordinasikan', 'mengoordinasikan'],
    ['klarifikasi', 'mengklarifikasi'],
    // meny- replaces s before a vowel; a cluster keeps it
    ['susun', 'menyusun'],
    ['sampaikan', 'menyampaikan'],
    ['standarkan', 'menstandarkan'],
    // menge- for monosyllables, also with -kan
    ['cek', 'mengecek'],
    ['tik', 'mengetik'],
    ['sahkan', 'mengesahkan'],
    // exceptions
    ['kaji', 'mengkaji'],
    ['pelajari', 'mempelajari'],
  ])('%s -> %s', (base, active) => {
    expect(meN(base)).toBe(active);
  });
});

describe('isActiveVerbPhrase', () => {
  it.each([
    ['Memeriksa kelengkapan berkas', true],
    ['Menandatangani surat izin', true],
    ['Mengoordinasikan jadwal rapat', true],
    ['Berkoordinasi dengan Bappeda', true],
    ['Bekerja sama dengan OPD terkait', true],
    ['Hadir dalam rapat pembahasan', true],
    ['  \u200Bmenerima surat', true],
    // imperatives that only look prefixed
    ['berikan nomor antrian', false],
    ['bersihkan ruang arsip', false],
    ['mediasi para pihak', false],
    ['Berkas diperiksa', false],
    ['Diperiksa oleh Kasubbag', false],
    ['Periksa berkas', false],
    ['Pemeriksaan berkas', false],
    ['Rapat koordinasi', false],
    ['Berita acara ditandatangani', false],
    ['Media sosial diperbarui', false],
    ['Menteri menetapkan', false],
    ['Kegiatan', false],
    ['', false],
  ])('%j -> %s', (text, expected) => {
    expect(isActiveVerbPhrase(text)).toBe(expected);
  });
});

describe('suggestActiveVerb', () => {
  it.each([
    // the brief's examples
    ['terima surat edaran dari bappeda', 'Menerima surat edaran dari Bappeda'],
    ['periksa berkas', 'Memeriksa berkas'],
    ['berkas diperiksa', 'Memeriksa berkas'],
    ['tanda tangan surat izin', 'Menandatangani surat izin'],
    ['verifikasi data', 'Memverifikasi data'],
    ['kirim', 'Mengirim'],
    ['susun rancangan', 'Menyusun rancangan'],
    ['buat laporan', 'Membuat laporan'],
    ['cek kelengkapan', 'Mengecek kelengkapan'],
    ['input data', 'Menginput data'],
    ['rekap usulan', 'Merekap usulan'],
    ['pengecekan berkas', 'Mengecek berkas'],
    // more imperatives
    ['sampaikan renja ke bappeda', 'Menyampaikan Renja ke Bappeda'],
    ['proses permohonan', 'Memproses permohonan'],
    ['sahkan dokumen', 'Mengesahkan dokumen'],
    ['kaji usulan', 'Mengkaji usulan'],
    ['koordinasikan dengan bkd', 'Mengoordinasikan dengan BKD'],
    ['perbaiki rancangan sk', 'Memperbaiki rancangan SK'],
    ['ttd surat', 'Menandatangani surat'],
    ['tindak lanjuti pengaduan', 'Menindaklanjuti pengaduan'],
    ['lalu periksa berkas', 'Memeriksa berkas'],
    ['setelah itu kirim surat ke BKD', 'Mengirim surat ke BKD'],
    // nominalisations
    ['penerimaan berkas', 'Menerima berkas'],
    ['penyusunan rancangan renja', 'Menyusun rancangan Renja'],
    ['persetujuan usulan', 'Menyetujui usulan'],
    ['penandatanganan SK', 'Menandatangani SK'],
    ['pengiriman surat', 'Mengirim surat'],
    ['pelaksanaan rapat', 'Melaksanakan rapat'],
    ['penetapan renstra', 'Menetapkan Renstra'],
    // passives and subjects
    [
      'Berkas sudah diperiksa oleh Kasubbag untuk kelengkapan',
      'Memeriksa berkas untuk kelengkapan',
    ],
    ['surat diteruskan ke kepala dinas', 'Meneruskan surat ke kepala dinas'],
    ['Surat izin ditandatangani oleh Kepala Dinas', 'Menandatangani surat izin'],
    ['diarsipkan', 'Mengarsipkan'],
    ['pemohon menyerahkan berkas', 'Menyerahkan berkas'],
    // only the capital letter or an acronym
    ['memeriksa berkas', 'Memeriksa berkas'],
    ['Menyampaikan renja ke bappeda', 'Menyampaikan Renja ke Bappeda'],
    // a performer in the sentence is left out of the name (rewriteStep returns it apart)
    ['tanda tangan Camat', 'Menandatangani'],
    ['paraf Sekcam', 'Memaraf'],
    // both verbs of a pair, and a passive that keeps its object
    ['teliti dan paraf konsep', 'Meneliti dan memaraf konsep'],
    ['berkas diperiksa kelengkapannya', 'Memeriksa kelengkapan berkas'],
    // words that only look prefixed
    ['berikan nomor antrian', 'Memberikan nomor antrian'],
    ['bersihkan ruang arsip', 'Membersihkan ruang arsip'],
    ['cairkan dana', 'Mencairkan dana'],
  ])('%j -> %j', (text, expected) => {
    expect(suggestActiveVerb(text)).toBe(expected);
  });

  it.each([
    // already fine: nothing to propose
    'Memeriksa kelengkapan berkas',
    'Menyampaikan Renja ke Bappeda',
    'Berkoordinasi dengan BKD',
    // acronyms someone chose to write differently are theirs
    'Menyampaikan RENJA ke BAPPEDA',
    // not sure enough to propose anything
    'Rapat koordinasi',
    'Berkas lengkap?',
    'Laporan kinerja',
    'Berkas yang diterima',
    'Surat masuk',
    'Dinas terkait',
    'Setelah rapat selesai',
    'Itu saja',
    '',
  ])('leaves %j alone', (text) => {
    expect(suggestActiveVerb(text)).toBeNull();
  });
});

describe('isNounPhrase', () => {
  it.each([
    ['Penyusunan Rencana Kerja', true],
    ['Pengelolaan Surat Masuk', true],
    ['Perencanaan dan Penganggaran', true],
    ['Persetujuan Cuti', true],
    ['Kebijakan Pengadaan', true],
    ['Verifikasi Data Kepegawaian', true],
    ['Layanan Perizinan', true],
    ['Rencana Strategis', true],
    ['Laporan Keuangan', true],
    ['Menyusun Renja', false],
    ['Kelola surat masuk', false],
    ['Sampaikan laporan', false],
    ['Diperiksa', false],
    ['Berkoordinasi dengan OPD', false],
    // any other noun is a noun phrase too: the name of a document or a register is fine
    ['Surat masuk', true],
    ['Surat Masuk', true],
    ['SPJ', true],
    // office shorthand and light verbs are verbs
    ['verif berkas', false],
    ['acc cuti', false],
    ['Melakukan verifikasi dokumen', false],
  ])('%j -> %s', (text, expected) => {
    expect(isNounPhrase(text)).toBe(expected);
  });
});

describe('suggestProcessName', () => {
  it.each([
    ['menyusun renja', 'Penyusunan Renja'],
    ['kelola surat masuk', 'Pengelolaan Surat Masuk'],
    ['penyusunan rencana kerja', 'Penyusunan Rencana Kerja'],
    ['menyampaikan laporan kinerja', 'Penyampaian Laporan Kinerja'],
    ['menyetujui usulan cuti', 'Persetujuan Usulan Cuti'],
    ['memperbaiki data pegawai', 'Perbaikan Data Pegawai'],
    ['merencanakan program dan anggaran', 'Perencanaan Program dan Anggaran'],
    ['menilai kinerja pegawai', 'Penilaian Kinerja Pegawai'],
    ['mengawasi aset daerah', 'Pengawasan Aset Daerah'],
    ['tanda tangan dokumen', 'Penandatanganan Dokumen'],
    ['mengoordinasikan kegiatan', 'Koordinasi Kegiatan'],
    ['proses izin usaha', 'Pemrosesan Izin Usaha'],
    ['minta usulan program', 'Permintaan Usulan Program'],
    ['layanan surat-menyurat', 'Layanan Surat-Menyurat'],
    ['verifikasi data kepegawaian', 'Verifikasi Data Kepegawaian'],
    ['Melakukan verifikasi dokumen', 'Verifikasi Dokumen'],
    ['verif berkas usulan', 'Verifikasi Berkas Usulan'],
    ['surat masuk', 'Surat Masuk'],
  ])('%j -> %j', (text, expected) => {
    expect(suggestProcessName(text)).toBe(expected);
  });

  it.each([
    'Penyusunan Rencana Kerja',
    'Perencanaan dan Penganggaran',
    'Pengelolaan Surat Masuk di UPT',
    'Surat masuk',
    'Surat Masuk',
    'SPJ',
    'mengakhiri masa jabatan', // -i could be a suffix or the root: unsure
    '',
  ])('leaves %j alone', (text) => {
    expect(suggestProcessName(text)).toBeNull();
  });
});

describe('rewriteStep', () => {
  it('returns the performer named in the sentence apart from the name', () => {
    expect(rewriteStep('tanda tangan Camat')).toEqual({
      name: 'Menandatangani',
      performerHint: 'Camat',
      changed: true,
    });
    expect(rewriteStep('berkas diperiksa oleh petugas loket')).toEqual({
      name: 'Memeriksa berkas',
      performerHint: 'Petugas Loket',
      changed: true,
    });
  });

  it('keeps an active name as it is, and says nothing changed', () => {
    expect(rewriteStep('Memeriksa kelengkapan berkas')).toEqual({
      name: 'Memeriksa kelengkapan berkas',
      performerHint: null,
      changed: false,
    });
  });

  it('leaves what it cannot read as typed, cleaned of invisible characters', () => {
    expect(rewriteStep(' Rapat\u200B koordinasi ')).toEqual({
      name: 'Rapat koordinasi',
      performerHint: null,
      changed: false,
    });
    expect(rewriteStep('')).toEqual({ name: '', performerHint: null, changed: false });
  });

  it('does not take the object of a verb about people for the performer', () => {
    expect(rewriteStep('hubungi pemohon').performerHint).toBeNull();
    expect(rewriteStep('undang Kepala Bidang').performerHint).toBeNull();
    expect(rewriteStep('verifikasi data pemohon').name).toBe('Memverifikasi data pemohon');
  });
});
