"""One candidate: a recomputation of a reported figure, as :mod:`.candidates` lists them and :mod:`.status` reads
them."""
from __future__ import annotations

import numpy as np


def candidate(key, metode, nilai=np.nan, teks=None, utama=False, dibulatkan=False, penjelasan: tuple | str = "",
              alasan: tuple | None = None, nama_metode: tuple | None = None):
    """One recomputation of the figure ``key`` = (besaran, :class:`Subject`, tahun_dasar, tahun); ``penjelasan``
    is (English, Indonesian) or one text for both. A primary may carry ``alasan`` (why it cannot be computed,
    English and Indonesian) and ``nama_metode`` (the method it is, said even when it matches)."""
    besaran, subjek, tahun_dasar, tahun = key
    en, id_ = (penjelasan, penjelasan) if isinstance(penjelasan, str) else penjelasan
    return {"besaran": besaran, "subjek": subjek, "tahun_dasar": tahun_dasar, "tahun": tahun, "metode": metode,
            "nilai": nilai, "teks": teks, "utama": utama, "dibulatkan": dibulatkan, "penjelasan": en,
            "penjelasan_id": id_, "alasan": alasan, "nama_metode": nama_metode}
