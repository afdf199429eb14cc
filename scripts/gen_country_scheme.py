#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Generates data/taxonomy/country.json, the built-in `country` scheme, from
Debian's iso-codes package (ISO 3166-1 data and its French and Spanish
gettext catalogues).

usage: scripts/gen_country_scheme.py [-o data/taxonomy/country.json]
                                     [--iso-codes /usr/share/iso-codes/json]
                                     [--locale-dir /usr/share/locale]

Every ISO 3166-1 entry becomes one term (see docs/taxonomy.md):
- code: the alpha-2 code (`AZ`); uri: `urn:hrnews:scheme:country:AZ`;
- labels en/fr/es: the ISO short name (`name`) and its translations;
- alt_labels: `common_name` and `official_name` (and their translations, when
  the catalogue has one), plus the short list of widely used names below that
  ISO does not carry (`Russia`, `Turkey`, `Burma`…);
- mappings (kind `exact`): `urn:hrnews:iso3166-1:alpha-3:AZE` and
  `urn:hrnews:iso3166-1:numeric:031` — how the alpha-3 and numeric codes are kept.
The output is deterministic (terms sorted by code), so re-running it on the
same iso-codes version gives the same bytes.
"""
import argparse
import gettext
import json
import os
import sys
import unicodedata

LANGS = ("fr", "es")

# Widely used names that ISO 3166-1 (as shipped by iso-codes) does not give:
# former names, short forms and abbreviations common in NGO feeds. Alternative
# labels only; the preferred labels always come from iso-codes.
EXTRA_ALT_LABELS = {
    "BN": {"en": ["Brunei"], "fr": ["Brunei"], "es": ["Brunéi"]},
    "CD": {"en": ["Democratic Republic of the Congo", "DR Congo", "DRC", "Congo-Kinshasa"],
           "fr": ["RDC", "RD Congo", "Congo-Kinshasa"], "es": ["República Democrática del Congo", "RDC"]},
    "CG": {"en": ["Republic of the Congo", "Congo-Brazzaville"], "fr": ["Congo", "Congo-Brazzaville"],
           "es": ["Congo-Brazzaville"]},
    "CI": {"en": ["Ivory Coast"], "es": ["Costa de Marfil"]},
    "CV": {"en": ["Cape Verde"], "fr": ["Cap-Vert"], "es": ["Cabo Verde"]},
    "FM": {"en": ["Micronesia"], "fr": ["Micronésie"], "es": ["Micronesia"]},
    "GB": {"en": ["UK", "Great Britain", "Britain"]},
    "IR": {"es": ["Irán"]},
    "KP": {"es": ["Corea del Norte"]},
    "KR": {"es": ["Corea del Sur"]},
    "MK": {"en": ["Macedonia"], "fr": ["Macédoine"], "es": ["Macedonia"]},
    "MM": {"en": ["Burma"], "fr": ["Birmanie"], "es": ["Birmania"]},
    "PS": {"en": ["Palestine", "Occupied Palestinian Territory", "Occupied Palestinian Territories"],
           "fr": ["Palestine", "Territoire palestinien occupé"], "es": ["Palestina", "Territorio Palestino Ocupado"]},
    "RU": {"en": ["Russia"], "fr": ["Russie"], "es": ["Rusia"]},
    "SY": {"fr": ["Syrie"], "es": ["Siria"]},
    "SZ": {"en": ["Swaziland"], "fr": ["Swaziland"], "es": ["Suazilandia"]},
    "TL": {"en": ["East Timor"], "fr": ["Timor oriental"], "es": ["Timor Oriental"]},
    "TR": {"en": ["Turkey"], "fr": ["Turquie"], "es": ["Turquía"]},
    "US": {"en": ["USA", "United States of America"]},
    "VA": {"en": ["Vatican", "Vatican City", "Holy See"], "fr": ["Vatican", "Saint-Siège"],
           "es": ["Vaticano", "Santa Sede"]},
    "VE": {"fr": ["Venezuela"]},
}


def fold(text):
    """Approximates hrnews::normalize_label, to drop alternative labels that match anyway."""
    text = unicodedata.normalize("NFKD", text)
    out = []
    for ch in text:
        if unicodedata.combining(ch):
            continue
        out.append(ch.lower() if ch.isalnum() else " ")
    return " ".join("".join(out).split())


def catalogue(locale_dir, lang):
    try:
        return gettext.translation("iso_3166-1", localedir=locale_dir, languages=[lang])
    except OSError:
        sys.exit(f"gen_country_scheme: no {lang} catalogue for iso_3166-1 under {locale_dir} "
                 "(install Debian's iso-codes package)")


def term_for(entry, catalogues):
    code = entry["alpha_2"]
    en_name = entry["name"]
    labels = {"en": en_name}
    alt = {"en": []}
    for lang, cat in catalogues.items():
        labels[lang] = cat.gettext(en_name)
        alt[lang] = []
    for key in ("common_name", "official_name"):
        if key not in entry:
            continue
        alt["en"].append(entry[key])
        for lang, cat in catalogues.items():
            translated = cat.gettext(entry[key])
            if translated != entry[key]:  # untranslated: the English form is already there
                alt[lang].append(translated)
    for lang, names in EXTRA_ALT_LABELS.get(code, {}).items():
        alt[lang].extend(names)
    # Drop alternative labels that fold like the preferred label or an earlier one of the same language.
    clean = {}
    for lang in ("en",) + LANGS:
        seen = {fold(labels[lang])}
        kept = []
        for name in alt[lang]:
            key = fold(name)
            if key and key not in seen:
                seen.add(key)
                kept.append(name)
        if kept:
            clean[lang] = kept
    term = {
        "code": code,
        "uri": f"urn:hrnews:scheme:country:{code}",
        "labels": labels,
    }
    if clean:
        term["alt_labels"] = clean
    term["mappings"] = [
        {"kind": "exact", "uri": f"urn:hrnews:iso3166-1:alpha-3:{entry['alpha_3']}"},
        {"kind": "exact", "uri": f"urn:hrnews:iso3166-1:numeric:{entry['numeric']}"},
    ]
    return term


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", default=os.path.join(here, "..", "data", "taxonomy", "country.json"))
    parser.add_argument("--iso-codes", default="/usr/share/iso-codes/json")
    parser.add_argument("--locale-dir", default="/usr/share/locale")
    args = parser.parse_args()

    source = os.path.join(args.iso_codes, "iso_3166-1.json")
    try:
        with open(source, encoding="utf-8") as f:
            entries = json.load(f)["3166-1"]
    except OSError:
        sys.exit(f"gen_country_scheme: cannot read {source} (install Debian's iso-codes package)")
    catalogues = {lang: catalogue(args.locale_dir, lang) for lang in LANGS}
    unknown = set(EXTRA_ALT_LABELS) - {e["alpha_2"] for e in entries}
    if unknown:
        sys.exit(f"gen_country_scheme: extra labels for unknown codes {sorted(unknown)}")

    scheme = {
        "id": "country",
        "uri": "urn:hrnews:scheme:country",
        "title": {"en": "Countries (ISO 3166-1)", "fr": "Pays (ISO 3166-1)", "es": "Países (ISO 3166-1)"},
        "terms": [term_for(e, catalogues) for e in sorted(entries, key=lambda e: e["alpha_2"])],
    }
    text = json.dumps(scheme, ensure_ascii=False, indent=1) + "\n"
    with open(args.output, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"gen_country_scheme: wrote {len(scheme['terms'])} countries to {os.path.normpath(args.output)}")


if __name__ == "__main__":
    main()
