"""Every label of the report, in Indonesian (``id``) and English (``en``), in one place."""
from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    # key: (id, en)
    "judul": ("Analisis Laporan Kinerja", "Performance Report Analysis"),
    "ringkasan": ("Ringkasan", "Summary"),
    "indikator": ("Indikator Kinerja Utama", "Key Performance Indicators"),
    "anggaran": ("Anggaran dan Efisiensi", "Budget and Efficiency"),
    "tren": ("Perubahan Rumus dan Tren", "Formula Changes and Trends"),
    "rekonsiliasi": ("Rekonsiliasi Angka Laporan", "Reconciliation of Reported Figures"),
    "sumber_daya": ("Sumber Daya: Pegawai dan Aset", "Resources: Staff and Assets"),
    "provenans": ("Sumber Data", "Data Provenance"),
    "peringatan": ("Perhatian", "Warnings"),
    "iku": ("IKU", "KPI"), "sasaran": ("Sasaran", "Goal"), "indikator_kolom": ("Indikator", "Indicator"),
    "target": ("Target", "Target"), "realisasi": ("Realisasi", "Actual"), "capaian": ("Capaian", "Achievement"),
    "kategori": ("Kategori", "Category"), "capaian_dilaporkan": ("Capaian dilaporkan", "Reported achievement"),
    "capaian_sasaran": ("Capaian sasaran", "Goal achievement"),
    "program": ("Program", "Programme"), "sumber_dana": ("Sumber dana", "Funding source"),
    "pagu": ("Anggaran", "Budget"), "realisasi_anggaran": ("Realisasi anggaran", "Spending"),
    "serapan": ("Serapan", "Absorption"),
    "serapan_tertimbang": ("Serapan (tertimbang anggaran)", "Absorption (budget-weighted)"),
    "serapan_rata_rata": ("Serapan (rata-rata biasa)", "Absorption (plain mean)"),
    "efisiensi": ("Efisiensi", "Efficiency"), "metode": ("Metode", "Method"), "nilai": ("Nilai", "Value"),
    "keluaran": ("Keluaran program", "Programme output"), "dari": ("dari", "of"),
    "tahun": ("Tahun", "Year"), "versi": ("Versi definisi", "Definition version"),
    "perubahan_tahunan": ("Perubahan dari tahun sebelumnya", "Change from previous year"),
    "sebanding": ("Sebanding?", "Comparable?"), "ya": ("ya", "yes"),
    "tidak": ("tidak — rumus berubah", "no — formula changed"),
    "pemeriksaan": ("Pemeriksaan", "Check"), "dilaporkan": ("Dilaporkan", "Reported"),
    "dihitung": ("Dihitung ulang", "Recomputed"),
    "status": ("Status", "Status"), "penjelasan": ("Penjelasan", "Explanation"), "tabel": ("Tabel", "Table"),
    "jenjang": ("Jenjang pendidikan", "Education"), "jumlah": ("Jumlah", "Count"), "jabatan": ("Jabatan", "Position"),
    "formasi": ("Formasi", "Filled"), "kebutuhan": ("Kebutuhan", "Needed"), "kekurangan": ("Kekurangan", "Shortfall"),
    "kondisi": ("Kondisi", "Condition"), "barang": ("Barang", "Item"),
    "berkas": ("Berkas", "File"), "bagian": ("Bagian laporan", "Report section"),
    "baris": ("Baris sumber", "Source lines"),
    "definisi": ("Definisi", "Definition"), "berlaku": ("Berlaku", "Valid"), "polaritas": ("Polaritas", "Polarity"),
    "kalimat": ("Kalimat sumber", "Source sentence"),
    "target_nasional": ("Target nasional", "National target"), "kekurangan_unit": ("Kekurangan", "Shortfall"),
    "perlu": ("Dibutuhkan", "Needed"), "capai": ("Tercapai", "Achieved"),
    "sintetis": ("DATA SINTETIS — bukan laporan sebenarnya", "SYNTHETIC DATA — not a real report"),
    "dibuat": ("Dibuat dari", "Built from"),
    "status_match": ("cocok", "match"), "status_rounding": ("pembulatan", "rounding"),
    "status_method": ("metode lain", "other method"), "status_mismatch": ("tidak cocok", "mismatch"),
    "status_unverifiable": ("tak dapat diverifikasi", "unverifiable"),
    "status_not_comparable": ("tidak sebanding", "not comparable"),
    "grafik_capaian": ("Capaian IKU terhadap target (100 %)", "KPI achievement against target (100 %)"),
    "grafik_serapan": ("Serapan anggaran per program", "Budget absorption by programme"),
    "grafik_nasional": ("Realisasi dibanding target nasional", "Actual against the national target"),
    "sumbu_persen": ("persen (%)", "percent (%)"), "sumbu_capaian": ("capaian (%)", "achievement (%)"),
    "sumbu_skor": ("nilai SAKIP", "SAKIP score"),
    "putus_seri": ("rumus berubah", "formula changed"),
    "agensi_tahun": ("Instansi dan tahun", "Agency and year"), "laporan": ("Laporan", "Report"),
    "kode": ("Kode", "Code"), "selisih": ("Selisih", "Gap"), "rumus": ("Rumus", "Formula"),
    "baris_data": ("Baris data", "Rows"), "berkas_sumber": ("berkas sumber", "source file"), "mulai": ("mulai", "from"),
    "rata_rata_tercetak": ("Rata-rata capaian tercetak", "Mean of printed achievement"),
    "kolom_iku": ("Kode|Indikator|Polaritas|Target|Realisasi|Komponen|Capaian (realisasi tercetak)|Capaian (komponen)|"
                  "Capaian dilaporkan|Kategori",
                  "Code|Indicator|Polarity|Target|Actual|Components|Achievement (printed actual)|"
                  "Achievement (components)|Reported|Category"),
    # reports/index.html
    "indeks_judul_halaman": ("Laporan LKj", "LKj reports"),
    "indeks_judul": ("Laporan analisis LKj", "LKj analysis reports"),
    "indeks_instansi": ("Instansi", "Agency"), "indeks_sintetis": ("sintetis", "synthetic"),
    "indeks_perhatian": ("Angka perlu perhatian", "Figures needing attention"),
    "indeks_perubahan_rumus": ("Perubahan rumus", "Formula changes"),
    # sentence templates (markup allowed; filled by render.sentence, which escapes the values; numbers
    # already formatted)
    "fakta_capaian": ("Capaian sasaran (rata-rata capaian IKU): <b>{capaian}</b>.",
                      "Goal achievement (mean KPI achievement): <b>{capaian}</b>."),
    "fakta_serapan": ("Serapan anggaran APBD: <b>{serapan}</b> ({realisasi} dari {anggaran}); rata-rata biasa "
                      "persentase program {rata}.",
                      "APBD budget absorption: <b>{serapan}</b> ({realisasi} of {anggaran}); plain mean of programme "
                      "percentages {rata}."),
    "fakta_efisiensi": ("Efisiensi (capaian − serapan): <b>{tertimbang}</b> dengan serapan tertimbang; {rata} dengan "
                        "cara laporan (rata-rata biasa) — {kategori}.",
                        "Efficiency (achievement − absorption): <b>{tertimbang}</b> budget-weighted; {rata} the "
                        "report's way (plain mean) — {kategori}."),
    "ringkasan_rekonsiliasi": ("Rekonsiliasi: {hitungan}", "Reconciliation: {hitungan}"),
    "peringatan_rumus": ("<b>Rumus {kode} berubah mulai {tahun}</b>: {lama} → {baru}. Angka sebelum dan sesudahnya "
                         "tidak dapat dibandingkan.",
                         "<b>{kode} formula changed from {tahun}</b>: {lama} → {baru}. Figures before and after are "
                         "not comparable."),
    "dekomposisi_ada": ("{kode} {tahun}: {total} = {rumus} (efek rumus) + {kinerja} (efek kinerja)",
                        "{kode} {tahun}: {total} = {rumus} (formula effect) + {kinerja} (performance effect)"),
    "dekomposisi_tidak": ("Perubahan {kode} ke {tahun} ({total}) belum dapat diurai menjadi efek rumus dan efek "
                          "kinerja: dibutuhkan {perlu}.",
                          "The {kode} change into {tahun} ({total}) cannot yet be split into formula and performance "
                          "effects: needed {perlu}."),
    # reconciliation section and its appendix (report/sections.py: reconciliation_section, reconciliation_appendix)
    "rekonsiliasi_temuan": ("Angka yang perlu perhatian", "Figures needing attention"),
    "rekonsiliasi_cocok": ("Angka yang cocok, per tabel laporan", "Figures that match, by table of the report"),
    "rekonsiliasi_tabel_laporan": ("Tabel dalam laporan", "Table in the report"),
    "rekonsiliasi_jumlah_cocok": ("Cocok", "Matches"),
    "rekonsiliasi_lihat_lampiran": ("Daftar lengkapnya ada di <a href=\"#lampiran-rekonsiliasi\">lampiran</a>.",
                                    "The full list is in the <a href=\"#lampiran-rekonsiliasi\">appendix</a>."),
    "rekonsiliasi_lampiran": ("Lampiran: Angka yang Cocok", "Appendix: Figures That Match"),
    "rekonsiliasi_daftar_cocok": ("Daftar lengkap angka yang cocok", "Full list of the figures that match"),
    "rekonsiliasi_standar": ("Hitung ulang dengan metode standar: {nilai}.",
                             "Recomputed by the standard method: {nilai}."),
}


def t(key: str, lang: str = "id") -> str:
    """The label ``key`` in ``lang``; KeyError names a missing label."""
    ida, en = LABELS[key]
    return ida if lang == "id" else en
