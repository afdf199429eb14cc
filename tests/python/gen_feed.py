#!/usr/bin/env python3
# Copied unchanged from the project's shared bench folder (../shared/bench/gen_feed.py) so
# that the tests and bench/bench_python.py run from a fresh clone. Deterministic: same seed, same bytes.
"""Deterministic synthetic NGO news feeds (RSS 2.0 / Atom 1.0) for throughput comparisons.

usage: gen_feed.py rss|atom|jsonfeed N_ITEMS > out
Items look like a human-rights NGO feed: 'Country: headline' titles, several
<category> elements (themes, content type, country), dc:creator, an escaped HTML
summary and a CDATA body of a few KB. Same seed -> same bytes.
"""
import random, sys, datetime, html, json

COUNTRIES = ["Azerbaijan", "Burundi", "China", "Colombia", "Kazakhstan", "Mauritania",
             "Morocco", "Venezuela", "Mexico", "Egypt", "Russia", "Turkey", "Philippines",
             "Honduras", "Bahrain", "Uzbekistan", "Sudan", "Tunisia", "Guatemala", "India"]
THEMES = ["Human Rights Defenders", "Monitoring Protection Mechanisms",
          "Economic, Social and Cultural Rights", "Child Rights", "Violence against Women",
          "Fight against Impunity"]
TYPES = ["Statements", "Urgent Interventions", "Events", "Reports and Publications",
         "Press Releases", "Open Letters"]
WORDS = ("arbitrary detention release defender torture judicial harassment authorities "
         "court sentence appeal observatory calls immediate unconditional guarantee "
         "physical psychological integrity freedom association expression assembly "
         "ngo civil society law bill restrictions monitoring mechanism committee report "
         "session review state party shadow recommendations victims reparation impunity").split()

def sentence(r, n):
    w = [r.choice(WORDS) for _ in range(n)]
    return " ".join(w).capitalize() + "."

def paragraph(r, k):
    return " ".join(sentence(r, r.randint(8, 20)) for _ in range(k))

def main():
    fmt, n = sys.argv[1], int(sys.argv[2])
    r = random.Random(20151126)
    start = datetime.datetime(2015, 11, 26, 9, 30, tzinfo=datetime.timezone.utc)
    out = sys.stdout
    items = []
    if fmt == "jsonfeed":
        pass
    elif fmt == "rss":
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
                  'xmlns:dc="http://purl.org/dc/elements/1.1/" '
                  'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
                  'xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n'
                  '<title>OMCT - Latest news</title>\n<link>https://www.omct.org/en/</link>\n'
                  '<description>World Organisation Against Torture</description>\n<language>en</language>\n'
                  '<atom:link href="https://www.omct.org/en/rss.xml" rel="self" type="application/rss+xml"/>\n')
    else:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">\n'
                  '<title>OMCT - Latest news</title>\n<id>https://www.omct.org/en/</id>\n'
                  '<link href="https://www.omct.org/en/"/>\n<link rel="self" href="https://www.omct.org/en/atom.xml"/>\n'
                  f'<updated>{start.isoformat().replace("+00:00", "Z")}</updated>\n<author><name>OMCT</name></author>\n')
    for i in range(n):
        t = start - datetime.timedelta(minutes=37 * i)
        c = r.choice(COUNTRIES)
        title = f"{c}: {sentence(r, r.randint(6, 14))[:-1]}"
        slug = f"{c.lower()}-{i}"
        link = f"https://www.omct.org/en/resources/urgent-interventions/{slug}"
        themes = r.sample(THEMES, r.randint(1, 2))
        typ = r.choice(TYPES)
        summary = f"<p>{html.escape(paragraph(r, 2))}</p>"
        body = "".join(f"<p>{paragraph(r, 4)}</p>\n" for _ in range(r.randint(3, 6)))
        if fmt == "jsonfeed":
            items.append({"id": link, "url": link, "title": title,
                          "date_published": t.isoformat().replace("+00:00", "Z"),
                          "authors": [{"name": "OMCT"}], "tags": themes + [typ, c],
                          "summary": summary, "content_html": body, "language": "en"})
        elif fmt == "rss":
            cats = "".join(f'<category domain="theme">{html.escape(x)}</category>' for x in themes)
            out.write(f"<item>\n<title>{html.escape(title)}</title>\n<link>{link}</link>\n"
                      f'<guid isPermaLink="true">{link}</guid>\n'
                      f"<pubDate>{t.strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate>\n"
                      f"<dc:creator>OMCT</dc:creator>\n{cats}"
                      f'<category domain="type">{typ}</category><category domain="country">{c}</category>\n'
                      f"<description>{html.escape(summary)}</description>\n"
                      f"<content:encoded><![CDATA[{body}]]></content:encoded>\n</item>\n")
        else:
            cats = "".join(f'<category scheme="theme" term="{html.escape(x)}"/>' for x in themes)
            iso = t.isoformat().replace("+00:00", "Z")
            out.write(f"<entry>\n<title>{html.escape(title)}</title>\n<id>{link}</id>\n"
                      f'<link rel="alternate" type="text/html" href="{link}"/>\n'
                      f"<published>{iso}</published>\n<updated>{iso}</updated>\n"
                      f"<author><name>OMCT</name></author>\n{cats}"
                      f'<category scheme="type" term="{typ}"/><category scheme="country" term="{c}"/>\n'
                      f'<summary type="html">{html.escape(summary)}</summary>\n'
                      f'<content type="html">{html.escape(body)}</content>\n</entry>\n')
    if fmt == "jsonfeed":
        json.dump({"version": "https://jsonfeed.org/version/1.1", "title": "OMCT - Latest news",
                   "home_page_url": "https://www.omct.org/en/", "language": "en", "items": items},
                  out, ensure_ascii=False, indent=1)
        out.write("\n")
    else:
        out.write("</channel>\n</rss>\n" if fmt == "rss" else "</feed>\n")

main()
