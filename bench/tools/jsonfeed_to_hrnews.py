#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Turn a JSON Feed made by ../shared/bench/gen_feed.py into hrnews canonical JSON.

A stand-in until the C++ JSON Feed reader exists: it maps the fields the
generator writes (id, url, title, date_published, authors, tags, summary,
content_html, language) onto the canonical shape of docs/format-json.md, so
the JSON benchmarks run on the same items as the feed benchmarks.
"""
import json
import sys


def convert(feed):
    items = []
    for it in feed["items"]:
        item = {"kind": "article", "id": it["id"], "url": it["url"], "title": it["title"]}
        if "summary" in it:
            item["summary"] = {"type": "html", "value": it["summary"]}
        if "content_html" in it:
            item["content"] = {"type": "html", "value": it["content_html"]}
        item["published"] = it["date_published"]
        item["language"] = it.get("language", "en")
        item["authors"] = [{"name": a["name"]} for a in it.get("authors", [])]
        item["categories"] = [{"term": t} for t in it.get("tags", [])]
        items.append(item)
    return {"hrnews": "1.0",
            "feed": {"title": feed["title"], "url": feed["home_page_url"],
                     "language": feed.get("language", "en"), "source_format": "jsonfeed-1.1"},
            "items": items}


def main():
    feed = json.load(open(sys.argv[1], encoding="utf-8") if len(sys.argv) > 1 else sys.stdin)
    json.dump(convert(feed), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


main()
