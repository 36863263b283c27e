"""Every label of the report, in Indonesian (``id``) and English (``en``), in one place: the words of the page,
the sentence templates and the glossary (the data's own values in words: :mod:`analysis.report.vocabulary`)."""
from __future__ import annotations

from .rollup_labels import ROLLUP_LABELS

LABELS: dict[str, tuple[str, str]] = {
    # key: (id, en)
    "judul": ("Analisis Laporan Kinerja", "Performance Report Analysis"),
    "ringkasan": ("Ringkasan", "Summary"),
    "indikator": ("Indikator Kinerja Utama", "Key Performance Indicators"),
    "daftar_isi": ("Daftar isi", "Contents"), "glosarium": ("Glosarium", "Glossary"),
    "temuan": ("Yang perlu diketahui", "What you need to know"),
    "catatan_metode": ("Catatan metode", "Notes on method"),
    "tidak_dihitung": ("Tidak dihitung dari laporan ini", "Not computed from this report"),
    "sasaran_tidak_disebut": ("Program tanpa sasaran yang disebut", "Programmes with no goal stated"),
    "tanpa_temuan": ("Tidak ada angka tercetak yang salah, tidak ada perbandingan lintas perubahan rumus, dan tidak "
                     "ada kekurangan terhadap target nasional.",
                     "No printed figure is wrong, no figure compares across a formula change, and no indicator "
                     "falls short of a national target."),
    "anggaran": ("Anggaran dan Efisiensi", "Budget and Efficiency"), "anggaran_saja": ("Anggaran", "Budget"),
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
    "perubahan_pp": ("Perubahan dari tahun sebelumnya (selisih)", "Change from previous year (difference)"),
    "perubahan_relatif": ("Perubahan dari tahun sebelumnya (%)", "Change from previous year (%)"),
    "sebanding": ("Sebanding?", "Comparable?"), "ya": ("ya", "yes"),
    "sumber_angka": ("Dicetak di", "Printed in"),
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
    "indikator_muncul": ("indikator baru mulai", "a new indicator from"),
    "indikator_hilang": ("tidak diukur lagi mulai", "no longer measured from"),
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
    # the other language's version (each shown in its own language), the footer of a report
    "nama_bahasa": ("Bahasa Indonesia", "English"),
    "versi_bahasa": ("Versi bahasa Indonesia", "English version"),
    "kaki": ("lkj-analytics {version} (commit {commit}) · sidik jari masukan {fingerprint} · dibuat {date} dari "
             "tabel “{title}” ({agency})",
             "lkj-analytics {version} (commit {commit}) · input fingerprint {fingerprint} · built on {date} from the "
             "tables of “{title}” ({agency})"),
    "kaki_judul_umum": ("Laporan Kinerja {year}", "Performance Report {year}"),
    "bulan": ("Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember",
              "January|February|March|April|May|June|July|August|September|October|November|December"),
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
    # chart legends ({batas}: the absorption threshold, already formatted)
    "target_tercapai": ("target tercapai (≥ 100 %)", "target met (≥ 100 %)"),
    "target_tidak_tercapai": ("target tidak tercapai (< 100 %)", "target not met (< 100 %)"),
    "garis_target": ("target (100 %)", "target (100 %)"),
    "serapan_cukup": ("serapan ≥ {batas} %", "absorption ≥ {batas} %"),
    "serapan_kurang": ("serapan < {batas} %", "absorption < {batas} %"),
    "garis_serapan": ("batas {batas} %", "{batas} % threshold"),
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


LABELS.update({
    # table captions
    "cap_ringkasan_iku": ("Capaian setiap IKU", "Achievement of each KPI"),
    "cap_iku": ("IKU: target, realisasi, komponen dan capaian", "KPIs: target, actual, components and achievement"),
    "cap_sasaran": ("Capaian per sasaran (rata-rata capaian IKU-nya)", "Achievement per goal (mean of its KPIs)"),
    "cap_gap": ("Jarak ke target dalam unit", "Distance to target, in units"),
    "cap_program": ("Anggaran dan serapan per program dan sumber dana",
                    "Budget and absorption by programme and funding source"),
    "cap_kelompok": ("Serapan per sumber dana, per sasaran dan total", "Absorption by funding source, goal and total"),
    "cap_efisiensi": ("Efisiensi: capaian dibanding serapan, dengan beberapa metode",
                      "Efficiency: achievement against absorption, by several methods"),
    "cap_keluaran": ("Keluaran program", "Programme outputs"),
    "cap_efisiensi_rasio": ("Efisiensi sebagai rasio: capaian keluaran dibanding capaian masukan × 100 (IE), dihitung "
                            "ulang dari tabel laporan; efisien bila IE ≥ 100 %",
                            "Efficiency as a ratio: output achievement / input achievement × 100 (IE), recomputed "
                            "from the report's table; efficient when IE ≥ 100 %"),
    "masukan": ("Masukan", "Input"),
    "capaian_masukan": ("Capaian masukan", "Input achievement"),
    "capaian_keluaran": ("Capaian keluaran", "Output achievement"),
    "efisiensi_ie": ("Efisiensi (IE)", "Efficiency (IE)"),
    "tanpa_definisi": ("Laporan ini tidak mencetak indikator kinerja: tidak ada definisi indikator.",
                       "This report prints no performance indicator: there are no indicator definitions."),
    "cap_tren": ("Realisasi per tahun dan perubahannya", "Actual per year and its change"),
    "cap_jenjang": ("Pegawai per jenjang pendidikan", "Staff by education"),
    "cap_jabatan": ("Pegawai per jabatan", "Staff by position"),
    "cap_formasi": ("Formasi dan kebutuhan pegawai", "Staff filled and needed"),
    "cap_kondisi": ("Barang per kondisi", "Items by condition"),
    "cap_rusak": ("Barang yang rusak (rusak / jumlah)", "Damaged items (damaged / total)"),
    "cap_dibaca": ("Tabel laporan yang dibaca", "Tables of the report that were read"),
    "cap_definisi": ("Definisi indikator per versi", "Indicator definitions by version"),
    "judul_tabel": ("Tabel laporan", "Report table"),
    "sumber_teks": ("teks laporan", "report text"),
    "satuan_unit": ("unit", "units"),
    "jenis_target": ("Jenis target", "Target type"),
    "lingkup": ("Lingkup", "Scope"),
    # findings, ranked (markup allowed; values escaped, numbers formatted)
    "temuan_balik_kurang": ("<b>{nama}</b> tercetak tercapai {dicetak}, tetapi dari komponennya capaiannya "
                            "{capaian}: target belum tercapai, kurang {kurang} {satuan} ({capai} dari {perlu} yang "
                            "dibutuhkan).",
                            "<b>{nama}</b> is printed as {dicetak} achieved, but from its components the "
                            "achievement is {capaian}: the target is not met, {kurang} {satuan} short ({capai} of "
                            "the {perlu} needed)."),
    "temuan_balik_kurang_singkat": ("<b>{nama}</b> tercetak tercapai {dicetak}, tetapi dari komponennya "
                                    "capaiannya {capaian}: target belum tercapai.",
                                    "<b>{nama}</b> is printed as {dicetak} achieved, but from its components the "
                                    "achievement is {capaian}: the target is not met."),
    "temuan_balik_lebih": ("<b>{nama}</b> tercetak {dicetak}, tetapi dari komponennya capaiannya {capaian}: "
                           "target sebenarnya tercapai.",
                           "<b>{nama}</b> is printed as {dicetak}, but from its components the achievement is "
                           "{capaian}: the target is in fact met."),
    "temuan_salah": ("<b>{label}</b> tercetak {dicetak}, tetapi hitung ulang memberi {dihitung}.",
                     "<b>{label}</b> is printed as {dicetak}, but recomputing it gives {dihitung}."),
    "temuan_putus": ("<b>Rumus {nama} berubah mulai {tahun}</b>, tetapi laporan membandingkan angka dari kedua sisi "
                     "perubahan itu ({daftar}): perbandingan itu tidak sebanding.",
                     "<b>The formula of {nama} changed from {tahun}</b>, yet the report compares figures from both "
                     "sides of the change ({daftar}): those comparisons are not like with like."),
    "temuan_putus_butir": ("{label} tercetak {dicetak}", "{label} printed as {dicetak}"),
    "temuan_ulang": ("<b>{nama} tahun {tahun} dicetak ulang berbeda</b>: {pertama} mencetak {nilai_pertama}, "
                     "{ulang} mencetak {nilai_ulang} (selisih {selisih}). Tren memakai angka LKj {dipakai}.",
                     "<b>{nama} for {tahun} is re-printed differently</b>: {pertama} printed {nilai_pertama}, "
                     "{ulang} prints {nilai_ulang} (a difference of {selisih}). The trend uses the {dipakai} "
                     "report's figure."),
    "ulang_pembulatan": ("Bedanya hanya pada jumlah desimal yang dicetak.",
                         "The two differ only in the decimals printed."),
    "ulang_rumus": ("Definisinya berbeda antara {tahun} dan {ulang} (perubahan rumus): angka yang dicetak ulang "
                    "mungkin dihitung dengan rumus baru.",
                    "Its definition differs between {tahun} and {ulang} (a formula change): the re-printed figure "
                    "may follow the new formula."),
    "laporan_tahun": ("LKj {tahun}", "the {tahun} report"),
    "laporan_baris": ("LKj {tahun} baris {baris}", "the {tahun} report, line {baris}"),
    "gabungan_ulang": ("Tren ini menggabungkan angka LKj {laporan}: setiap tahun dari laporan tahun itu sendiri. "
                       "Angka tahun lalu yang dicetak ulang berbeda oleh laporan berikutnya:",
                       "This trend joins the figures of the reports of {laporan}: each year from that year's own "
                       "report. Past figures a later report re-prints differently:"),
    "gabungan_tanpa_ulang": ("Tren ini menggabungkan angka LKj {laporan}: setiap tahun dari laporan tahun itu "
                             "sendiri. Tidak ada angka tahun lalu yang dicetak ulang berbeda oleh laporan berikutnya.",
                             "This trend joins the figures of the reports of {laporan}: each year from that year's "
                             "own report. No later report re-prints a past figure differently."),
    "temuan_nasional": ("<b>{nama}</b> {realisasi}, di bawah target nasional {target}: kurang {kurang} {satuan} "
                        "({capai} dari {perlu} yang dibutuhkan).",
                        "<b>{nama}</b> is {realisasi}, below the national target of {target}: {kurang} {satuan} "
                        "short ({capai} of the {perlu} needed)."),
    "temuan_capaian": ("Rata-rata capaian IKU <b>{capaian}</b>; {tercapai} dari {jumlah} IKU mencapai targetnya "
                       "({asal}).",
                       "Mean KPI achievement <b>{capaian}</b>; {tercapai} of {jumlah} KPIs met their target "
                       "({asal})."),
    # what the achievement is computed from: every KPI's components, none, some
    "asal_komponen": ("dihitung dari komponennya", "computed from their components"),
    "asal_tercetak": ("dihitung dari target dan realisasi yang tercetak",
                      "computed from the printed target and realisation"),
    "asal_campuran": ("dihitung dari komponennya bila dinyatakan, selain itu dari target dan realisasi yang tercetak",
                      "computed from their components where stated, else from the printed target and realisation"),
    "temuan_serapan": ("Serapan anggaran <b>{serapan}</b>: {realisasi} dibelanjakan dari {anggaran}.",
                       "Budget absorption <b>{serapan}</b>: {realisasi} spent of {anggaran}."),
    "temuan_efisiensi": ("Efisiensi <b>{efisiensi}</b> (capaian {capaian} dikurangi serapan {serapan}): {kategori}.",
                         "Efficiency <b>{efisiensi}</b> (achievement {capaian} minus absorption {serapan}): "
                         "{kategori}."),
    "metode_capaian": ("Capaian dihitung dari komponen indikator (pembilang / penyebut) bila ada, bukan dari "
                       "realisasi tercetak yang sudah dibulatkan; rata-rata capaian adalah rata-rata biasa capaian "
                       "IKU.",
                       "Achievement is computed from an indicator's components (numerator / denominator) when "
                       "known, not from the printed, already rounded actual; the mean achievement is the plain "
                       "mean of the KPIs' achievement."),
    "metode_serapan": ("Serapan di atas ditimbang dengan anggaran (jumlah realisasi / jumlah anggaran); laporan "
                       "memakai rata-rata biasa persentase program, {rata}.",
                       "Absorption above is weighted by budget (total spending / total budget); the report uses "
                       "the plain mean of the programme percentages, {rata}."),
    "metode_efisiensi": ("Efisiensi di atas memakai serapan tertimbang; dengan cara laporan (rata-rata biasa) "
                         "efisiensinya {rata}. Selisih dua persentase dinyatakan dalam poin persentase.",
                         "Efficiency above uses the weighted absorption; the report's way (plain mean) gives "
                         "{rata}. A difference of two percentages is stated in percentage points."),
    "butuh_komponen": ("{komponen} tahun {tahun} (definisi versi {versi})",
                       "{komponen} for {tahun} (definition version {versi})"),
})

#: the glossary: (term, explanation) in Indonesian and in English, in the order shown
GLOSSARY: list[tuple[tuple[str, str], tuple[str, str]]] = [
    (("Capaian", "Realisasi dibanding target, dalam persen: 100 % berarti target tepat tercapai."),
     ("Achievement (“capaian”)", "Actual against target, in percent: 100 % means the target is just met.")),
    (("Polaritas positif", "Makin tinggi makin baik: capaian = realisasi / target × 100."),
     ("Positive polarity", "Higher is better: achievement = actual / target × 100.")),
    (("Polaritas negatif", "Makin rendah makin baik (misalnya angka pengangguran): capaian dihitung terbalik."),
     ("Negative polarity", "Lower is better (unemployment, say): achievement is computed the other way round.")),
    (("Predikat", "Indikator yang dinilai dengan huruf (AA, A, BB, …) dari nilai SAKIP; capaian 100 % bila "
                  "predikat target tercapai."),
     ("Grade", "An indicator judged by a letter (AA, A, BB, …) from the SAKIP score; 100 % achievement when the "
               "target grade is reached.")),
    (("Serapan", "Realisasi anggaran dibanding anggaran, dalam persen."),
     ("Absorption (“serapan”)", "Spending against budget, in percent.")),
    (("Efisiensi", "Capaian dikurangi serapan: positif berarti hasil lebih banyak daripada anggaran yang dipakai."),
     ("Efficiency", "Achievement minus absorption: positive means more results than budget used.")),
    (("Poin persentase", "Satuan selisih dua persentase: dari 5 % ke 7 % naik 2 poin persentase (bukan 2 %, "
                         "bukan 40 %). Selisih nilai SAKIP dinyatakan dalam poin."),
     ("Percentage points", "The unit of a difference of two percentages: from 5 % to 7 % is 2 percentage points "
                           "(not 2 %, not 40 %). A difference of SAKIP scores is stated in points.")),
    (("Rata-rata tertimbang", "Rata-rata yang memberi bobot sesuai besar anggaran: jumlah realisasi / jumlah "
                              "anggaran."),
     ("Weighted mean", "A mean that weighs each programme by its budget: total spending / total budget.")),
    (("Rata-rata biasa", "Rata-rata persentase program tanpa bobot: program kecil dihitung sama dengan program "
                         "besar."),
     ("Plain mean", "The mean of the programme percentages without weights: a small programme counts as much as "
                    "a large one.")),
    (("Narasi dan tabel efisiensi", "Laporan dapat mengelompokkan program ke sasaran secara berbeda di narasi dan di "
                                    "tabel efisiensi; keduanya dihitung."),
     ("Narrative and efficiency table", "A report may group programmes under goals differently in its narrative "
                                        "and in its efficiency table; both are computed.")),
    (("Tidak sebanding", "Angka yang membandingkan tahun sebelum dan sesudah rumus indikator berubah."),
     ("Not comparable", "A figure that compares years before and after the indicator's formula changed.")),
]

LABELS.update({
    # the budget table with levels (report/budget_lines.py)
    "cap_rincian": ("Anggaran berjenjang seperti tercetak (program, kegiatan, sub kegiatan): persentase tercetak dan "
                    "hasil hitung ulang dari jumlahnya", "Budget by level as printed (programme, activity, "
                    "sub-activity): the printed percentage and the one recomputed from the amounts"),
    "rincian": ("Rincian", "Line"), "tingkat": ("Tingkat", "Level"), "uraian": ("Uraian tercetak", "Printed label"),
    "persen_tercetak": ("% tercetak", "% printed"), "persen_dihitung": ("% dihitung ulang", "% recomputed"),
    "dari_baris": ("jumlah barisnya", "sum of its rows"),
    "total_dihitung": ("(tidak tercetak: jumlah baris teratas)", "(not printed: sum of the top rows)"),
})
LABELS.update({"semua_program": ("semua program", "all programmes"), "semua_sasaran": ("Semua sasaran", "All goals")})
LABELS.update({
    # the results workbook (report/workbook.py): sheet names (at most 31 characters), headers, the about sheet
    "xl_tentang": ("Tentang", "About"), "xl_iku": ("IKU", "KPI"), "xl_sasaran": ("Capaian sasaran", "Goal achievement"),
    "xl_anggaran": ("Anggaran", "Budget"), "xl_rincian": ("Anggaran berjenjang", "Budget by level"),
    "xl_efisiensi": ("Efisiensi", "Efficiency"), "xl_rekonsiliasi": ("Rekonsiliasi", "Reconciliation"),
    "xl_tren": ("Tren", "Trends"), "xl_rumus": ("Perubahan rumus", "Formula changes"),
    "xl_efisiensi_rasio": ("Efisiensi rasio", "Efficiency ratios"), "xl_ulang": ("Dicetak ulang", "Restated"),
    "xl_isi_efisiensi_rasio": ("Efisiensi sebagai rasio keluaran/masukan per sasaran dan masukan, dihitung ulang",
                               "Efficiency as output/input ratios per goal and input, recomputed"),
    "xl_tanpa_rasio": ("laporan ini tidak memuat tabel efisiensi sebagai rasio",
                       "no efficiency table of ratios in this report"),
    "xl_isi_ulang": ("Angka tahun lalu yang dicetak berbeda oleh laporan yang lebih baru",
                     "Past figures a later report prints differently"),
    "xl_tanpa_ulang": ("tidak ada laporan tahun sebelumnya, atau tidak ada angka yang dicetak berbeda",
                       "no earlier report, or no figure printed differently"),
    "xl_laporan_pertama": ("Laporan pertama", "First report"), "xl_nilai_pertama": ("Nilai pertama", "First value"),
    "xl_laporan_ulang": ("Laporan kemudian", "Later report"), "xl_nilai_ulang": ("Nilai kemudian", "Later value"),
    "xl_laporan_dipakai": ("Laporan yang dipakai tren", "Report the trend uses"),
    "xl_judul": ("Hasil analisis laporan kinerja", "Results of the performance report analysis"),
    "xl_sha": ("SHA-256 berkas sumber", "SHA-256 of the source file"),
    "xl_dibuat": ("Pembuatan", "Build"), "xl_lembar": ("Lembar", "Sheet"), "xl_isi": ("Isi", "What it holds"),
    "xl_tidak_ada": ("tidak ada: {alasan}", "absent: {alasan}"),
    "xl_tidak_dibuat": ("tabelnya tidak dibuat dari laporan ini", "its table was not produced from this report"),
    "xl_tanpa_rincian": ("laporan ini tidak memuat tabel anggaran berjenjang",
                         "no budget table with levels in this report"),
    "xl_angka": ("Angka disimpan sebagai angka: persentase sebagai pecahan berformat persen (0,9617 tampil "
                 "96,17 %), rupiah utuh, selisih dua persentase dalam poin persentase; sel kosong: tidak dinyatakan "
                 "atau tidak dihitung. Teks yang diawali =, +, -, @ disimpan sebagai teks, bukan rumus.",
                 "Numbers are stored as numbers: percentages as fractions with a percent format (0.9617 shows "
                 "96.17 %), rupiah whole, a difference of two percentages in percentage points; an empty cell: not "
                 "stated or not computed. Text beginning with =, +, -, @ is stored as text, never as a formula."),
    "xl_isi_iku": ("Setiap IKU: target, realisasi, komponen, capaian dihitung ulang di samping capaian tercetak",
                   "Each KPI: target, actual, components, achievement recomputed beside the printed one"),
    "xl_isi_sasaran": ("Capaian per sasaran (rata-rata capaian IKU-nya) dan keseluruhan",
                       "Achievement per goal (mean of its KPIs) and overall"),
    "xl_isi_anggaran": ("Anggaran, realisasi dan serapan per program, sumber dana, sasaran dan total",
                        "Budget, spending and absorption by programme, funding source, goal and total"),
    "xl_isi_rincian": ("Anggaran berjenjang seperti tercetak, dengan persentase dihitung ulang dari jumlahnya",
                       "Budget by level as printed, with the percentage recomputed from the amounts"),
    "xl_isi_efisiensi": ("Efisiensi: capaian dibanding serapan, dengan beberapa metode",
                         "Efficiency: achievement against absorption, by several methods"),
    "xl_isi_rekonsiliasi": ("Setiap angka tercetak dibanding hitung ulangnya: yang perlu perhatian dulu, lalu yang "
                            "cocok", "Every printed figure against its recomputation: those needing attention "
                            "first, then the matches"),
    "xl_isi_tren": ("Realisasi per tahun dan perubahannya", "Actual per year and its change"),
    "xl_isi_rumus": ("Perubahan definisi indikator yang memutus deret", "Changes of indicator definitions that break "
                     "a series"),
    "satuan": ("Satuan", "Unit"), "pembilang": ("Pembilang", "Numerator"), "penyebut": ("Penyebut", "Denominator"),
    "realisasi_komponen": ("Realisasi dari komponen", "Actual from components"),
    "target_atas": ("Target (batas atas)", "Target (upper bound)"),
    "target_predikat": ("Target (predikat)", "Target (grade)"),
    "realisasi_predikat": ("Realisasi (predikat)", "Actual (grade)"), "predikat": ("Predikat", "Grade"),
    "batas_capaian": ("Batas capaian", "Achievement cap"), "nama": ("Nama", "Name"),
    "realisasi_dilaporkan_teks": ("Dilaporkan (tercetak)", "Reported (as printed)"),
    "nilai_dilaporkan": ("Nilai dilaporkan", "Reported value"),
    "target_jangka_menengah": ("Target jangka menengah", "Medium-term target"),
    "jenis": ("Jenis", "Kind"), "versi_lama": ("Versi lama", "Old version"),
    "versi_baru": ("Versi baru", "New version"),
    "tahun_lama": ("Tahun terakhir definisi lama", "Last year of the old definition"),
    "tahun_baru": ("Tahun pertama definisi baru", "First year of the new definition"),
    "yang_berubah": ("Yang berubah", "What changed"),
    "definisi_lama": ("Definisi lama", "Old definition"), "definisi_baru": ("Definisi baru", "New definition"),
    "poin_persentase": ("poin persentase", "percentage points"), "rasio": ("rasio", "ratio"),
    "unduh_hasil": ("Unduh hasil (Excel)", "Download the results (Excel)"),
})
LABELS.update({"dari_tahun": ("dari", "from")})
LABELS.update({
    # a series break no definition declares: two reports state the definition differently (ingest/stated.py)
    "asal_putus": ("Asal", "Origin"), "asal_dinyatakan": ("dinyatakan dalam definisi indikator",
                                                        "declared in the indicator definitions"),
    "asal_laporan": ("ditemukan dari teks laporan", "found in the reports' text"),
    "putus_dari_teks": ("Perubahan ini <b>ditemukan dari teks laporan, tidak dinyatakan</b> dalam definisi "
                        "indikator: {lama} menyatakan “{definisi_lama}”, {baru} menyatakan "
                        "“{definisi_baru}” (berbeda: {berubah}).",
                        "This change was <b>found in the reports' text, not declared</b> in the indicator "
                        "definitions: {lama} states “{definisi_lama}”, {baru} states “{definisi_baru}” (differing: "
                        "{berubah})."),
})

# the national roll-up (report/rollup_sections.py): its words live in rollup_labels.py
LABELS.update(ROLLUP_LABELS)


def t(key: str, lang: str = "id") -> str:
    """The label ``key`` in ``lang``; KeyError names a missing label."""
    ida, en = LABELS[key]
    return ida if lang == "id" else en
