"""The national roll-up page's words (id, en), merged into :data:`analysis.report.labels.LABELS`: keys ``ru_*``."""

ROLLUP_LABELS: dict[str, tuple[str, str]] = {
    "ru_judul": ("Perbandingan Nasional Laporan Kinerja", "National Comparison of Performance Reports"),
    "ru_cakupan": ("{instansi} instansi, {tahun_ay} instansi-tahun ({tahun})",
                   "{instansi} agencies, {tahun_ay} agency-years ({tahun})"),
    "ru_sintetis": ("DATA SINTETIS — sebagian atau semua instansi di sini dibuat untuk pengujian, bukan laporan "
                    "sebenarnya", "SYNTHETIC DATA — some or all agencies here were made for testing, not real reports"),
    "ru_ringkasan": ("Ringkasan", "Summary"),
    "ru_temuan_angka": ("{n} dari {m} angka tercetak yang diperiksa tidak dapat dihitung ulang, di {a} instansi.",
                        "Printed figures that do not reproduce: {n} of {m} checked (agencies: {a})."),
    "ru_temuan_varian": ("{n} indikator didefinisikan berbeda oleh instansi yang berbeda: tidak digabung.",
                         "Indicators defined differently by different agencies, so not pooled: {n}."),
    "ru_temuan_rumus": ("{n} perubahan rumus indikator di {a} instansi.",
                        "Changes of an indicator's formula: {n} (agencies: {a})."),
    "ru_temuan_standar": ("{n} kali realisasi di bawah standar nasional yang dicetak instansi.",
                          "Realisations below the national standard the agency prints: {n}."),
    "ru_indikator": ("Indikator Bersama", "Shared Indicators"),
    "ru_cap_indikator": ("Sebaran realisasi dan capaian (hitung ulang) per indikator dan tahun, hanya di antara "
                         "instansi dengan definisi yang sama", "Spread of realisation and achievement (recomputed) "
                         "per indicator and year, only among agencies with the same definition"),
    "ru_instansi": ("Instansi", "Agencies"), "ru_median": ("median (kuartil 1–3)", "median (quartiles 1–3)"),
    "ru_standar": ("Standar nasional", "National standard"), "ru_di_bawah": ("Di bawah standar", "Below standard"),
    "ru_serapan_capaian": ("Serapan dan Capaian per Instansi", "Absorption and Achievement per Agency"),
    "ru_cap_serapan": ("Capaian rata-rata dan serapan anggaran (hitung ulang), diurutkan menurut efisiensi",
                       "Mean achievement and budget absorption (recomputed), ordered by efficiency"),
    "ru_instansi_kolom": ("Instansi", "Agency"),
    "ru_efisiensi": ("Efisiensi menurut Metode", "Efficiency by Method"),
    "ru_cap_efisiensi": ("Sebaran efisiensi antar instansi menurut cara menghitungnya",
                         "Spread of efficiency across agencies by the way it is computed"),
    "ru_selisih_tertimbang": ("capaian − serapan tertimbang (poin)", "achievement − weighted absorption (points)"),
    "ru_selisih_rata_rata": ("capaian − serapan rata-rata biasa (poin)",
                             "achievement − plain-mean absorption (points)"),
    "ru_rasio": ("capaian / serapan tertimbang (rasio)", "achievement / weighted absorption (ratio)"),
    "ru_rekonsiliasi": ("Angka Tercetak yang Tidak Cocok", "Printed Figures that Do Not Reproduce"),
    "ru_cap_per_instansi": ("Per instansi: angka yang diperiksa dan yang tidak dapat dihitung ulang, menurut jenis",
                            "Per agency: figures checked and those that do not reproduce, by kind"),
    "ru_diperiksa": ("Diperiksa", "Checked"), "ru_tidak_cocok": ("Tidak cocok", "Do not reproduce"),
    "ru_cap_temuan": ("Setiap angka tercetak yang tidak dapat dihitung ulang", "Every printed figure that does not "
                      "reproduce"),
    "ru_angka": ("Angka", "Figure"), "ru_tercetak": ("Tercetak", "Printed"), "ru_dihitung": ("Hitung ulang",
                                                                                          "Recomputed"),
    "ru_jenis_realisasi": ("realisasi IKU", "KPI realisation"), "ru_jenis_capaian": ("capaian IKU", "KPI achievement"),
    "ru_jenis_serapan": ("serapan program", "programme absorption"),
    "ru_jenis_capaian_rata_rata": ("capaian rata-rata", "mean achievement"),
    "ru_jenis_serapan_rata_rata": ("serapan rata-rata", "mean absorption"),
    "ru_jenis_efisiensi": ("efisiensi", "efficiency"),
    "ru_program": ("program", "programme"),
    "ru_varian": ("Definisi yang Berbeda", "Differing Definitions"),
    "ru_cap_varian": ("Indikator dengan kode yang sama tetapi rumus berbeda: setiap rumus dibandingkan terpisah",
                      "Indicators with the same code but different formulas: each formula is compared on its own"),
    "ru_rumus": ("Rumus", "Formula"),
    "ru_perubahan": ("Perubahan Rumus", "Formula Changes"),
    "ru_cap_perubahan": ("Siapa mengubah definisi indikator, dan mulai tahun berapa",
                         "Who changed an indicator's definition, and from which year"),
    "ru_mulai": ("Mulai tahun", "From year"), "ru_yang_berubah": ("Yang berubah", "What changed"),
    "ru_rumus_lama": ("Rumus lama", "Old formula"), "ru_rumus_baru": ("Rumus baru", "New formula"),
    "ru_asal": ("Sumber perubahan", "Where the change comes from"),
    "ru_asal_dinyatakan": ("dinyatakan dalam definisi indikator", "declared in the indicator definitions"),
    "ru_asal_laporan": ("ditemukan dalam teks laporan, tidak dinyatakan",
                        "found in the reports' text, not declared"),
    "ru_bagian_pembilang": ("pembilang", "numerator"), "ru_bagian_penyebut": ("penyebut", "denominator"),
    "ru_bagian_faktor": ("faktor", "factor"), "ru_bagian_satuan": ("satuan", "unit"),
    "ru_bagian_polaritas": ("arah", "direction"), "ru_bagian_konvensi": ("cara hitung", "computation"),
    "ru_nasional": ("Di Bawah Standar Nasional", "Below the National Standard"),
    "ru_cap_nasional": ("Instansi di bawah standar nasional: selisih dalam poin persentase dan dalam unit",
                        "Agencies below the national standard: the gap in percentage points and in units"),
    "ru_selisih": ("Selisih (poin persentase)", "Gap (percentage points)"),
    "ru_kurang_unit": ("Kekurangan (unit)", "Units short"),
    "ru_baris_lain": ("… dan {n} baris lain di tabel roll-up (CSV) di samping laporan ini.",
                      "… and {n} more rows in the roll-up tables (CSV) next to this report."),
    # an empty section says why it is empty
    "ru_kosong_indikator": ("Tidak ada definisi indikator yang dipakai bersama oleh dua instansi atau lebih pada tahun "
                            "yang sama: tidak ada yang digabung.",
                            "No indicator definition is shared by two or more agencies in the same year: nothing is "
                            "pooled."),
    "ru_kosong_serapan": ("Tidak ada tahun-instansi dengan tabel anggaran lengkap yang semua IKU-nya dihitung ulang di "
                          "sini (IKU berpredikat dan tabel sebagian dinilai dalam laporan instansinya sendiri).",
                          "No agency-year has a complete budget table and every IKU recomputed here (graded IKU and "
                          "partial tables are assessed in the agency's own report)."),
    "ru_kosong_efisiensi": ("Efisiensi memerlukan serapan dan capaian rata-rata dari tahun-instansi yang sama (bagian "
                            "sebelumnya): tidak ada.",
                            "Efficiency needs absorption and mean achievement of the same agency-year (the previous "
                            "section): there is none."),
    "ru_kosong_rekonsiliasi": ("Setiap angka tercetak yang diperiksa di sini dapat dihitung ulang ({n} diperiksa).",
                               "Every printed figure checked here reproduces ({n} checked)."),
    "ru_kosong_varian": ("Tidak ada kode indikator yang didefinisikan berbeda oleh dua instansi.",
                         "No indicator code is defined differently by two agencies."),
    "ru_kosong_perubahan": ("Tidak ada instansi yang mengubah definisi indikator dalam tahun-tahun yang dicakup.",
                            "No agency changed an indicator's definition in the years covered."),
    "ru_kosong_nasional": ("Tidak ada realisasi di bawah standar nasional yang dicetak instansinya.",
                           "No realisation falls below a national standard its agency prints."),
    "ru_metode": ("Catatan Metode", "Notes on Method"),
    "ru_metode_teks": ("Setiap angka dihitung ulang dari komponen yang dicetak laporan, bukan disalin. Indikator "
                       "dibandingkan hanya di antara instansi dengan definisi yang sama (komponen, faktor, satuan, "
                       "arah dan cara hitung). Indikator berpredikat, anggaran berjenjang dan angka naratif lain "
                       "diperiksa di laporan masing-masing instansi. Capaian tidak dibatasi.",
                       "Every figure is recomputed from the components the report prints, never copied. Indicators "
                       "are compared only among agencies with the same definition (components, factor, unit, "
                       "direction and computation). Graded indicators, budgets by level and other narrative "
                       "figures are checked in each agency's own report. Achievement is not capped."),
    "ru_grafik_capaian": ("Capaian (%) per indikator, {tahun}", "Achievement (%) per indicator, {tahun}"),
    "ru_grafik_serapan": ("Serapan dan capaian per instansi, {tahun}", "Absorption and achievement per agency, "
                          "{tahun}"),
    "ru_sumbu_serapan": ("Serapan tertimbang (%)", "Weighted absorption (%)"),
    "ru_sumbu_capaian": ("Capaian rata-rata (%)", "Mean achievement (%)"),
    "ru_indeks": ("Perbandingan nasional", "National comparison"),
    "ru_indeks_teks": ("{n} instansi dibandingkan", "{n} agencies compared"),
    "ru_kaki": ("lkj-analytics {version} (commit {commit}) · sidik jari masukan {fingerprint} · dibuat {date} dari "
                "tabel olahan {n} instansi-tahun", "lkj-analytics {version} (commit {commit}) · input fingerprint "
                "{fingerprint} · built on {date} from the processed tables of {n} agency-years"),
}
