#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Turn hrnews canonical JSON (bench/tools/jsonfeed_to_hrnews.py output) into a
ReliefWeb API v1 reports response of the same items, for bench/bench_exports.

Each item becomes `data[]` with `fields` as the API returns them (title, body,
body-html, date.original/created/changed, primary_country and country with iso3,
source, theme, format, language, url, url_alias, status). Countries, themes and
formats cycle deterministically through a small list, so the input is the same
bytes on every run.

Usage: hrnews_to_reliefweb.py canonical.json > reliefweb.json
"""
import json
import re
import sys

COUNTRIES = [("Colombia", "col"), ("Azerbaijan", "aze"), ("Burundi", "bdi"), ("Venezuela", "ven"),
             ("Mauritania", "mrt"), ("China", "chn"), ("Kazakhstan", "kaz"), ("World", "wld")]
THEMES = ["Protection and Human Rights", "Health", "Gender", "Education", "Peacekeeping and Peacebuilding"]
FORMATS = ["News and Press Release", "Situation Report", "Analysis", "Map", "Other"]


def plain(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]*>", " ", html)).strip()


def convert(doc):
    data = []
    for n, it in enumerate(doc["items"]):
        rid = 100000 + n
        country = COUNTRIES[n % len(COUNTRIES)]
        other = COUNTRIES[(n * 3 + 1) % len(COUNTRIES)]
        body_html = (it.get("content") or it.get("summary") or {"value": ""})["value"]
        fields = {
            "id": rid,
            "title": it["title"],
            "body": plain(body_html),
            "body-html": body_html,
            "date": {"original": it["published"], "created": it["published"], "changed": it["published"]},
            "primary_country": {"id": 40 + n % 8, "name": country[0], "shortname": country[0], "iso3": country[1],
                                "location": {"lat": 10.5, "lon": -20.25}},
            "country": [{"id": 40 + n % 8, "name": country[0], "iso3": country[1], "primary": True},
                        {"id": 50 + n % 8, "name": other[0], "iso3": other[1]}],
            "source": [{"id": 1503, "name": (it.get("authors") or [{"name": "OMCT"}])[0]["name"],
                        "shortname": "OMCT", "homepage": "https://www.omct.org/",
                        "type": {"id": 274, "name": "Non-governmental Organization"}}],
            "theme": [{"id": 4600 + n % 5, "name": THEMES[n % len(THEMES)]}],
            "format": [{"id": 8 + n % 5, "name": FORMATS[n % len(FORMATS)]}],
            "language": [{"id": 267, "name": "English", "code": it.get("language", "en")}],
            "url": f"https://reliefweb.int/node/{rid}",
            "url_alias": it["url"],
            "status": "published",
        }
        data.append({"id": str(rid), "score": 1, "fields": fields,
                     "href": f"https://api.reliefweb.int/v1/reports/{rid}"})
    return {"time": 5, "href": "https://api.reliefweb.int/v1/reports?appname=hrnews-bench",
            "totalCount": len(data), "count": len(data), "data": data}


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        json.dump(convert(json.load(f)), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
