#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Writes the feed conformance corpus tests/data/feeds/: one small feed per
behaviour of issue 3 and its hand-written expectation (NAME.expect.json, read
by tests/test_feed_corpus.cpp). Re-run after editing a case:

    python3 tests/tools/make_feed_corpus.py

The expectations below are written by hand from the specifications (RSS, RDF,
Atom, JSON Feed, RFC 822/3339/3986) and docs/format-feeds.md, not copied from
the reader's output.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "data", "feeds")

CASES = []


def case(name, data, behaviour, **spec):
    if isinstance(data, str):
        data = data.encode("utf-8")
    CASES.append((name, data, dict(behaviour=behaviour, **spec)))


DECL = '<?xml version="1.0" encoding="utf-8"?>\n'
NS = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "media": "http://search.yahoo.com/mrss/",
    "georss": "http://www.georss.org/georss",
    "gml": "http://www.opengis.net/gml",
    "atom": "http://www.w3.org/2005/Atom",
    "geo": "http://www.w3.org/2003/01/geo/wgs84_pos#",
}


def rss(items="", channel="", version="2.0", ns=(), decl=DECL, root_extra=""):
    nsdecl = "".join(' xmlns:%s="%s"' % (p, NS[p]) for p in ns)
    v = ' version="%s"' % version if version is not None else ""
    return ("%s<rss%s%s%s>\n<channel>\n<title>Feed</title>\n<link>https://example.org/</link>\n"
            "<description>D</description>\n%s%s</channel>\n</rss>\n") % (decl, v, nsdecl, root_extra, channel, items)


def item(body, guid="urn:x:1"):
    g = "<guid isPermaLink=\"false\">%s</guid>" % guid if guid else ""
    return "<item>%s%s</item>\n" % (g, body)


def atom(entries="", feed="", ns=(), decl=DECL, root_extra=""):
    nsdecl = "".join(' xmlns:%s="%s"' % (p, NS[p]) for p in ns)
    return ('%s<feed xmlns="http://www.w3.org/2005/Atom"%s%s>\n<id>urn:f</id>\n<title>Feed</title>\n'
            '<updated>2015-11-26T09:30:00Z</updated>\n%s%s</feed>\n') % (decl, nsdecl, root_extra, feed, entries)


def entry(body, eid="urn:e:1", updated="2015-11-26T09:30:00Z"):
    u = "<updated>%s</updated>" % updated if updated else ""
    return "<entry><id>%s</id><title>E</title>%s%s</entry>\n" % (eid, u, body)


def fnv1a(text):
    h = 0xcbf29ce484222325
    for b in text.encode("utf-8"):
        h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h


def jf(obj):
    return json.dumps(obj, ensure_ascii=False, indent=1) + "\n"


# ---------------------------------------------------------------------------
# Versions and format detection
case("version-rss-0.90.rdf",
     DECL + '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">\n'
     '<channel><title>Netscape 0.90</title><link>https://example.org/</link><description>D</description></channel>\n'
     '<item><title>One</title><link>https://example.org/1</link></item>\n</rdf:RDF>\n',
     "RSS 0.90 (RDF with the Netscape 0.9 namespace) is read as rss-0.90; its items sit beside the channel",
     expect={"/feed/source_format": "rss-0.90", "/feed/title": "Netscape 0.90", "/items/0/url": "https://example.org/1",
             "/items/0/id": "https://example.org/1"},
     notes=["id-derived"])
case("version-rss-0.91-netscape.rss",
     '<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
     '"http://my.netscape.com/publish/formats/rss-0.91.dtd">\n'
     '<rss version="0.91"><channel><title>Netscape</title><link>https://example.org/</link><description>D</description>'
     '<language>en-us</language><item><title>One</title><link>https://example.org/1</link></item></channel></rss>\n',
     "RSS 0.91 with the Netscape DOCTYPE is told apart from UserLand's 0.91 (source_format rss-0.91-netscape)",
     expect={"/feed/source_format": "rss-0.91-netscape", "/feed/language": "en-us"},
     diagnostics=["doctype"])
case("version-rss-0.91-userland.rss",
     '<?xml version="1.0"?>\n<rss version="0.91"><channel><title>UserLand</title><link>https://example.org/</link>'
     '<description>D</description><item><title>One</title><link>https://example.org/1</link></item></channel></rss>\n',
     "RSS 0.91 without DOCTYPE is UserLand's 0.91 (source_format rss-0.91-userland)",
     expect={"/feed/source_format": "rss-0.91-userland", "/items/0/title": "One"})
case("version-rss-0.92.rss",
     rss(item('<title>One</title><enclosure url="https://example.org/a.mp3" length="10" type="audio/mpeg"/>'), version="0.92"),
     "RSS 0.92 is read as rss-0.92, with its enclosure",
     expect={"/feed/source_format": "rss-0.92", "/items/0/attachments/0/url": "https://example.org/a.mp3",
             "/items/0/attachments/0/length": 10})
case("version-rss-0.93.rss", rss(item("<title>One</title>"), version="0.93"),
     "RSS 0.93 is read as rss-0.93", expect={"/feed/source_format": "rss-0.93", "/items/0/id": "urn:x:1"})
case("version-rss-0.94.rss", rss(item("<title>One</title>"), version="0.94"),
     "RSS 0.94 is read as rss-0.94", expect={"/feed/source_format": "rss-0.94", "/items/0/title": "One"})
case("version-rss-2.0.rss", rss(item("<title>One</title>")),
     "RSS 2.0 is read as rss-2.0", expect={"/feed/source_format": "rss-2.0", "/feed/url": "https://example.org/",
                                           "/feed/subtitle": "D"})
case("version-rss-2.0.1.rss", rss(item("<title>One</title>"), version="2.0.1"),
     "version 2.0.1 is RSS 2.0", expect={"/feed/source_format": "rss-2.0"})
case("version-rss-unknown.rss", rss(item("<title>One</title>"), version="3.1"),
     "an unknown RSS version is read as RSS 2.0 with an info note", expect={"/feed/source_format": "rss"},
     notes=["rss-version-unknown"])
case("version-rss-missing.rss", rss(item("<title>One</title>"), version=None),
     "<rss> without a version is read as RSS 2.0 with an info note", expect={"/feed/source_format": "rss"},
     notes=["rss-version-unknown"])
case("version-rdf-1.0.rdf",
     DECL + '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">\n'
     '<channel rdf:about="https://example.org/"><title>RDF</title><link>https://example.org/</link><description>D</description>'
     '<items><rdf:Seq><rdf:li rdf:resource="https://example.org/1"/></rdf:Seq></items></channel>\n'
     '<item rdf:about="https://example.org/1"><title>One</title><link>https://example.org/1</link></item>\n</rdf:RDF>\n',
     "RSS 1.0 (RDF) is read as rdf, items beside the channel, rdf:about as the id",
     expect={"/feed/source_format": "rdf", "/items/0/id": "https://example.org/1", "/items/0/title": "One"})
case("version-atom-0.3.atom",
     DECL + '<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old Atom</title>'
     '<link rel="alternate" type="text/html" href="https://example.org/"/><modified>2015-11-26T09:30:00Z</modified>'
     '<entry><id>urn:e:1</id><title>One</title><issued>2015-11-20T08:00:00+01:00</issued>'
     '<modified>2015-11-21T08:00:00Z</modified></entry></feed>\n',
     "Atom 0.3 is read as atom-0.3; issued is published, modified is updated",
     expect={"/feed/source_format": "atom-0.3", "/items/0/published": "2015-11-20T08:00:00+01:00",
             "/items/0/updated": "2015-11-21T08:00:00Z", "/feed/updated": "2015-11-26T09:30:00Z"})
case("version-atom-1.0.atom", atom(entry("")),
     "Atom 1.0 is read as atom-1.0", expect={"/feed/source_format": "atom-1.0", "/feed/id": "urn:f",
                                              "/items/0/id": "urn:e:1"})
case("version-atom-entry-document.atom",
     DECL + '<entry xmlns="http://www.w3.org/2005/Atom"><id>urn:e:1</id><title>Alone</title>'
     '<updated>2015-11-26T09:30:00Z</updated></entry>\n',
     "an Atom entry document is read as a collection of one item",
     expect={"/feed/source_format": "atom-1.0", "/items/0/title": "Alone"})
case("version-jsonfeed-1.0.json",
     jf({"version": "https://jsonfeed.org/version/1", "title": "JF", "items": [{"id": "1", "content_text": "x"}]}),
     "JSON Feed 1.0 is read as jsonfeed-1.0", expect={"/feed/source_format": "jsonfeed-1.0", "/items/0/id": "1"})
case("version-jsonfeed-1.1.json",
     jf({"version": "https://jsonfeed.org/version/1.1", "title": "JF", "language": "fr",
         "items": [{"id": "1", "content_html": "<p>x</p>"}]}),
     "JSON Feed 1.1 is read as jsonfeed-1.1 with its language",
     expect={"/feed/source_format": "jsonfeed-1.1", "/feed/language": "fr",
             "/items/0/content": {"type": "html", "value": "<p>x</p>"}})
case("detect-rss-named-json.json", rss(item("<title>One</title>")),
     "the format is detected from the content, not the file name", expect={"/feed/source_format": "rss-2.0"})
case("detect-atom-named-rss.rss", atom(entry("")),
     "an Atom document named .rss is read as Atom", expect={"/feed/source_format": "atom-1.0"})

# ---------------------------------------------------------------------------
# Encodings
def latin(doc, enc):
    return doc.encode(enc)

case("enc-utf8-bom.rss", b"\xef\xbb\xbf" + rss(item("<title>Caf\u00e9</title>")).encode(),
     "a UTF-8 byte-order mark is accepted silently", expect={"/items/0/title": "Caf\u00e9"})
for enc, bom, codec in [("utf-16le", b"\xff\xfe", "utf-16-le"), ("utf-16be", b"\xfe\xff", "utf-16-be"),
                        ("utf-32le", b"\xff\xfe\x00\x00", "utf-32-le"), ("utf-32be", b"\x00\x00\xfe\xff", "utf-32-be")]:
    doc = rss(item("<title>\u00c9gypte \u2013 \u0422\u0435\u0441\u0442</title>"), decl='<?xml version="1.0" encoding="%s"?>\n' % enc.split("l")[0].split("b")[0].upper().replace("UTF-", "UTF-"))
    doc = doc.replace('encoding="UTF-16', 'encoding="UTF-16').replace('encoding="UTF-32', 'encoding="UTF-32')
    case("enc-%s-bom.rss" % enc, bom + doc.encode(codec),
         "%s with its byte-order mark is decoded" % enc.upper(),
         expect={"/items/0/title": "\u00c9gypte \u2013 \u0422\u0435\u0441\u0442"})
case("enc-utf-16le-no-bom.rss",
     rss(item("<title>\u00c9gypte</title>"), decl='<?xml version="1.0" encoding="UTF-16LE"?>\n').encode("utf-16-le"),
     "UTF-16LE without byte-order mark is recognised from the '<?' pattern", expect={"/items/0/title": "\u00c9gypte"})
for enc, text in [("iso-8859-1", "Caf\u00e9 \u00e0 Gen\u00e8ve"), ("iso-8859-2", "\u0141\u00f3d\u017a \u0161"),
                  ("iso-8859-5", "\u041c\u043e\u0441\u043a\u0432\u0430"), ("iso-8859-7", "\u0391\u03b8\u03ae\u03bd\u03b1"),
                  ("iso-8859-9", "\u0130stanbul \u015f\u011f"), ("iso-8859-15", "Prix 5 \u20ac \u0153uvre"),
                  ("windows-1252", "\u201cquoted\u201d \u2013 5 \u20ac")]:
    case("enc-%s.rss" % enc,
         rss(item("<title>%s</title>" % text), decl='<?xml version="1.0" encoding="%s"?>\n' % enc).encode(enc.replace("windows-", "cp")),
         "the XML declaration's %s is decoded" % enc, expect={"/items/0/title": text})
case("enc-iso-8859-3.rss",
     rss(item("<title>\u0124\u0109</title>"), decl='<?xml version="1.0" encoding="ISO-8859-3"?>\n').encode("iso-8859-3"),
     "ISO-8859-3 (upper-case label) is decoded", expect={"/items/0/title": "\u0124\u0109"})
case("enc-iso-8859-13.rss",
     rss(item("<title>\u0160iauliai \u0173</title>"), decl='<?xml version="1.0" encoding="iso-8859-13"?>\n').encode("iso-8859-13"),
     "ISO-8859-13 is decoded", expect={"/items/0/title": "\u0160iauliai \u0173"})
case("enc-charset-hint.rss", rss(item("<title>Gen\u00e8ve \u2019s</title>"), decl="").encode("cp1252"),
     "without declaration or BOM the caller's charset hint is used", options={"charset": "windows-1252"},
     expect={"/items/0/title": "Gen\u00e8ve \u2019s"})
case("enc-declaration-over-hint.rss",
     rss(item("<title>\u00c9t\u00e9</title>"), decl='<?xml version="1.0" encoding="iso-8859-1"?>\n').encode("latin-1"),
     "the XML declaration wins over the caller's hint", options={"charset": "koi8-r"},
     expect={"/items/0/title": "\u00c9t\u00e9"})
case("enc-invalid-utf8.rss", rss(item("<title>bad \xff byte</title>").replace("\xff", "@@")).encode().replace(b"@@", b"\xff"),
     "an invalid UTF-8 byte becomes U+FFFD and a warning", expect={"/items/0/title": "bad \ufffd byte"},
     diagnostics=["invalid-utf8"])
case("enc-invalid-bytes-cp1252.rss",
     rss(item("<title>x@@y</title>"), decl='<?xml version="1.0" encoding="windows-1252"?>\n').encode().replace(b"@@", b"\x81"),
     "a byte undefined in windows-1252 becomes U+FFFD and a warning", expect={"/items/0/title": "x\ufffdy"},
     diagnostics=["invalid-bytes"])
case("enc-unknown-label.rss", rss(item("<title>plain</title>"), decl='<?xml version="1.0" encoding="x-made-up"?>\n'),
     "an unknown encoding label is read as UTF-8 with a warning", expect={"/items/0/title": "plain"},
     diagnostics=["encoding-unknown"])
case("enc-mismatch-utf16-label.rss", rss(item("<title>plain</title>"), decl='<?xml version="1.0" encoding="utf-16"?>\n'),
     "a UTF-16 label on 8-bit bytes is a mismatch: read as UTF-8 with a warning", expect={"/items/0/title": "plain"},
     diagnostics=["encoding-mismatch"])

# ---------------------------------------------------------------------------
# Broken XML
case("xml-control-characters.rss", rss(item("<title>a\x01b\x0bc</title>")),
     "C0 control characters are stripped", expect={"/items/0/title": "abc"}, diagnostics=["control-character"])
case("xml-html-entity-nbsp.rss", rss(item("<title>a&nbsp;b</title>")),
     "&nbsp; is resolved to U+00A0", expect={"/items/0/title": "a\u00a0b"}, diagnostics=["html-entity"])
case("xml-html-entity-eacute.rss", rss(item("<title>Gen&egrave;ve &eacute;t&eacute;</title>")),
     "&eacute; and &egrave; are resolved", expect={"/items/0/title": "Gen\u00e8ve \u00e9t\u00e9"}, diagnostics=["html-entity"])
case("xml-html-entity-rsquo.rss", rss(item("<title>it&rsquo;s &hellip; &euro;</title>")),
     "&rsquo;, &hellip; and &euro; are resolved", expect={"/items/0/title": "it\u2019s \u2026 \u20ac"},
     diagnostics=["html-entity"])
case("xml-undefined-entity.rss", rss(item("<title>a &bogus; b</title>")),
     "an unknown entity is kept as text", expect={"/items/0/title": {"type": "html", "value": "a &bogus; b"}}, diagnostics=["undefined-entity"])
case("xml-invalid-character-reference.rss", rss(item("<title>a&#1;b&#xD800;c</title>")),
     "a character reference to a character XML forbids becomes U+FFFD", expect={"/items/0/title": "a\ufffdb\ufffdc"},
     diagnostics=["invalid-character-reference"])
case("xml-doctype-ignored.rss",
     DECL + '<!DOCTYPE rss SYSTEM "http://example.org/rss.dtd">\n' + rss(item("<title>One</title>"), decl=""),
     "a DOCTYPE is dropped with a warning", expect={"/items/0/title": "One"}, diagnostics=["doctype"])
case("xml-doctype-entity-not-expanded.rss",
     DECL + '<!DOCTYPE rss [<!ENTITY who "Mallory">]>\n' + rss(item("<title>by &who;</title>"), decl=""),
     "an entity of the internal DTD subset is never expanded", expect={"/items/0/title": {"type": "html", "value": "by &who;"}},
     diagnostics=["doctype", "undefined-entity"])
case("xml-entity-bomb.rss",
     DECL + '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
     '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n' + rss(item("<title>&c;</title>"), decl=""),
     "a nested-entity bomb is not expanded", expect={"/items/0/title": {"type": "html", "value": "&c;"}}, diagnostics=["doctype", "undefined-entity"])
case("xml-external-entity-not-fetched.rss",
     DECL + '<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n' + rss(item("<title>x&secret;</title>"), decl=""),
     "an external entity is never fetched", expect={"/items/0/title": {"type": "html", "value": "x&secret;"}}, diagnostics=["doctype", "undefined-entity"])
case("xml-bare-ampersand.rss", rss(item("<title>Tom & Jerry</title><link>https://example.org/?a=1&b=2</link>")),
     "a bare & is read as a literal ampersand", expect={"/items/0/title": "Tom & Jerry", "/items/0/url": "https://example.org/?a=1&b=2"},
     diagnostics=["bare-ampersand"])
case("xml-bare-less-than.rss", rss(item("<title>1 < 2</title>")),
     "an unescaped < in text is read as a literal", expect={"/items/0/title": "1 < 2"}, diagnostics=["bare-less-than"])
case("xml-truncated.rss", DECL + '<rss version="2.0"><channel><title>Cut</title><link>https://example.org/</link>'
     '<description>D</description><item><guid>urn:x:1</guid><title>Half</title>',
     "missing end tags at the end of the file are closed", expect={"/feed/title": "Cut", "/items/0/title": "Half"},
     diagnostics=["truncated"])
case("xml-mismatched-end-tag.rss", rss(item("<title>One</title><description>a <b>bold</description>")),
     "an end tag that closes an unclosed inner element is repaired", expect={"/items/0/title": "One",
     "/items/0/summary": {"type": "html", "value": "a <b>bold</b>"}}, diagnostics=["mismatched-end-tag", "markup-unescaped"])
case("xml-junk-before-root.rss", b"garbage line\n" + rss(item("<title>One</title>"), decl="").encode(),
     "junk before the root element is dropped", expect={"/items/0/title": "One"}, diagnostics=["junk-before-root"])
case("xml-junk-after-root.rss", rss(item("<title>One</title>")) + "trailing junk <p>\n",
     "junk after the root element is dropped", expect={"/items/0/title": "One"}, diagnostics=["junk-after-root"])
case("xml-misplaced-declaration.rss", "<!-- generated -->\n" + rss(item("<title>One</title>")),
     "an XML declaration after a comment is dropped", expect={"/items/0/title": "One"},
     diagnostics=["misplaced-declaration"])
case("xml-unquoted-attribute.rss", rss(item("<title>One</title><enclosure url=https://example.org/a.pdf type=application/pdf length=5/>")),
     "unquoted attribute values are repaired", expect={"/items/0/attachments/0/url": "https://example.org/a.pdf"},
     diagnostics=["attribute-syntax"])
case("xml-namespace-https-variant.rss",
     rss(item("<title>One</title><dc:creator>Ana</dc:creator>"), root_extra=' xmlns:dc="https://purl.org/dc/elements/1.1/"'),
     "a namespace URI with https instead of http is accepted", expect={"/items/0/authors/0/name": "Ana"},
     diagnostics=["namespace-variant"])
case("xml-namespace-trailing-slash.rss",
     rss(item('<title>One</title><content:encoded>&lt;p&gt;x&lt;/p&gt;</content:encoded>'),
         root_extra=' xmlns:content="http://purl.org/rss/1.0/modules/content"'),
     "a namespace URI without its trailing slash is accepted",
     expect={"/items/0/content": {"type": "html", "value": "<p>x</p>"}}, diagnostics=["namespace-variant"])
case("xml-namespace-undeclared-prefix.rss", rss(item("<title>One</title><dc:creator>Ana</dc:creator>")),
     "an undeclared well-known prefix is bound to its usual namespace", expect={"/items/0/authors/0/name": "Ana"},
     diagnostics=["namespace-undeclared"])
case("xml-atom-namespace-missing.atom",
     DECL + '<feed><id>urn:f</id><title>No ns</title><updated>2015-11-26T09:30:00Z</updated>'
     '<entry><id>urn:e:1</id><title>E</title><updated>2015-11-26T09:30:00Z</updated></entry></feed>\n',
     "an Atom feed without namespace is read as Atom 1.0", format="atom",
     expect={"/feed/title": "No ns", "/items/0/id": "urn:e:1"}, diagnostics=["atom-namespace-missing"])
case("xml-atom-namespace-variant.atom",
     DECL + '<feed xmlns="https://www.w3.org/2005/Atom/"><id>urn:f</id><title>Variant</title>'
     '<updated>2015-11-26T09:30:00Z</updated></feed>\n',
     "an Atom namespace with https and a trailing slash is accepted", format="atom",
     expect={"/feed/title": "Variant"}, diagnostics=["namespace-variant"])

# ---------------------------------------------------------------------------
# Dates
def pub(raw):
    return rss(item("<title>D</title><pubDate>%s</pubDate>" % raw))


DATES = [
    ("rfc822-full", "Fri, 13 Nov 2015 09:30:00 +0100", "2015-11-13T09:30:00+01:00", "RFC 822 with weekday and numeric zone"),
    ("rfc822-gmt", "Wed, 18 Nov 2015 12:00:00 GMT", "2015-11-18T12:00:00Z", "RFC 822 with GMT"),
    ("rfc822-ut", "Wed, 18 Nov 2015 12:00:00 UT", "2015-11-18T12:00:00Z", "RFC 822 with UT"),
    ("rfc822-z", "Wed, 18 Nov 2015 12:00:00 Z", "2015-11-18T12:00:00Z", "RFC 822 with military Z"),
    ("rfc822-est", "Wed, 18 Nov 2015 07:00:00 EST", "2015-11-18T07:00:00-05:00", "RFC 822 with EST"),
    ("rfc822-pdt", "Wed, 18 Nov 2015 05:00:00 PDT", "2015-11-18T05:00:00-07:00", "RFC 822 with PDT"),
    ("rfc822-cest", "Wed, 18 Nov 2015 14:00:00 CEST", "2015-11-18T14:00:00+02:00", "a named European zone (CEST)"),
    ("rfc822-cet", "Wed, 18 Nov 2015 13:00:00 CET", "2015-11-18T13:00:00+01:00", "a named European zone (CET)"),
    ("rfc822-two-digit-year", "Fri, 13 Nov 15 09:30:00 +0100", "2015-11-13T09:30:00+01:00", "a two-digit year (15 is 2015)"),
    ("rfc822-two-digit-year-90s", "Mon, 13 Nov 95 09:30:00 GMT", "1995-11-13T09:30:00Z", "a two-digit year (95 is 1995)"),
    ("rfc822-no-weekday", "13 Nov 2015 09:30:00 +0100", "2015-11-13T09:30:00+01:00", "no weekday"),
    ("rfc822-wrong-weekday", "Mon, 13 Nov 2015 09:30:00 +0100", "2015-11-13T09:30:00+01:00", "a wrong weekday is ignored"),
    ("rfc822-no-seconds", "Fri, 13 Nov 2015 09:30 +0100", "2015-11-13T09:30+01:00", "no seconds (minute precision)"),
    ("rfc822-no-zone", "Fri, 13 Nov 2015 09:30:00", "2015-11-13T09:30:00", "no zone: kept without offset (unknown, not guessed)"),
    ("rfc822-single-digit-day", "Tue, 3 Nov 2015 09:30:00 GMT", "2015-11-03T09:30:00Z", "a one-digit day"),
    ("rfc822-full-month-name", "Tuesday, 3 November 2015 09:30:00 GMT", "2015-11-03T09:30:00Z", "full day and month names"),
    ("french", "mar., 3 nov. 2015 09:30:00 +0100", "2015-11-03T09:30:00+01:00", "French day and month names"),
    ("french-full", "vendredi 13 novembre 2015 09:30:00 +0100", "2015-11-13T09:30:00+01:00", "French full names, no comma"),
    ("spanish", "Vie, 13 Dic 2015 09:30:00 +0100", "2015-12-13T09:30:00+01:00", "Spanish day and month names"),
    ("german", "Fr, 13 Mär 2015 09:30:00 +0100", "2015-03-13T09:30:00+01:00", "German day and month names"),
    ("german-okt", "Di, 13 Okt 2015 09:30:00 MESZ", "2015-10-13T09:30:00+02:00", "German month name and zone MESZ"),
    ("italian", "Ven, 13 Giu 2015 09:30:00 +0200", "2015-06-13T09:30:00+02:00", "Italian day and month names"),
    ("portuguese", "Sex, 13 Fev 2015 09:30:00 -0300", "2015-02-13T09:30:00-03:00", "Portuguese day and month names"),
    ("rfc3339", "2015-11-13T09:30:00+01:00", "2015-11-13T09:30:00+01:00", "RFC 3339 in pubDate"),
    ("rfc3339-fraction", "2015-11-13T09:30:00.250Z", "2015-11-13T09:30:00.250Z", "RFC 3339 with a fraction"),
    ("w3cdtf-year", "2015", "2015", "W3CDTF year only keeps its precision"),
    ("w3cdtf-month", "2015-11", "2015-11", "W3CDTF year and month"),
    ("w3cdtf-day", "2015-11-13", "2015-11-13", "W3CDTF date"),
    ("w3cdtf-minutes", "2015-11-13T09:30+01:00", "2015-11-13T09:30+01:00", "W3CDTF with minutes"),
    ("iso8601-basic", "20151113T093000Z", "2015-11-13T09:30:00Z", "ISO 8601 basic format"),
    ("iso8601-space", "2015-11-13 09:30:00", "2015-11-13T09:30:00", "ISO 8601 with a space separator"),
    ("asctime", "Fri Nov 13 09:30:00 2015", "2015-11-13T09:30:00", "asctime"),
]
for name, raw, value, what in DATES:
    exp = {"/items/0/published": value}
    if raw != value:
        exp["/items/0/published_raw"] = raw  # the raw text is written only when it differs
    case("date-%s.rss" % name, pub(raw), "dates: %s (%s)" % (what, raw), expect=exp,
         absent=[] if raw != value else ["/items/0/published_raw"])
case("date-unparsed.rss", pub("sometime last week"),
     "an unparseable date is dropped with a warning, never replaced by now", absent=["/items/0/published"],
     diagnostics=["date-unparsed"])
case("date-atom-unparsed.atom", atom(entry("<published>yesterday</published>")),
     "an unparseable Atom date is a warning", absent=["/items/0/published"], diagnostics=["date-unparsed"])
case("date-dc-date.rss", rss(item("<title>D</title><dc:date>2015-11-13T09:30:00Z</dc:date>"), ns=["dc"]),
     "dc:date is the published date", expect={"/items/0/published": "2015-11-13T09:30:00Z"})
case("date-last-build-date.rss", rss(channel="<lastBuildDate>Thu, 26 Nov 2015 09:30:00 +0100</lastBuildDate>\n"),
     "the channel's lastBuildDate is the feed's updated date",
     expect={"/feed/updated": "2015-11-26T09:30:00+01:00", "/feed/updated_raw": "Thu, 26 Nov 2015 09:30:00 +0100"})
case("date-atom-partial.atom", atom(entry("<published>2015-11</published>")),
     "an Atom published date of year and month keeps its precision", expect={"/items/0/published": "2015-11"})

# ---------------------------------------------------------------------------
# URLs
case("url-document-link.rss",
     rss(item('<title>R</title><link>/news/1</link><enclosure url="files/a.pdf" type="application/pdf" length="1"/>')),
     "relative item URLs resolve against the channel's link",
     expect={"/items/0/url": "https://example.org/news/1", "/items/0/attachments/0/url": "https://example.org/files/a.pdf"})
case("url-caller-base.rss",
     DECL + '<rss version="2.0"><channel><title>F</title><link>/</link><description>D</description>'
     '<item><guid>urn:x:1</guid><link>news/1</link></item></channel></rss>\n',
     "a relative channel link resolves against the caller's base URL, items against the channel link", options={"base_url": "https://base.example/dir/"},
     expect={"/feed/url": "https://base.example/", "/items/0/url": "https://base.example/news/1"})
case("url-dot-segments.rss", rss(item("<title>R</title><link>../a/./b/../c</link>")).replace(
    "<link>https://example.org/</link>", "<link>https://example.org/x/y/</link>"),
     "dot segments are removed (RFC 3986 section 5.2.4)", expect={"/items/0/url": "https://example.org/x/a/c"})
case("url-xml-base-rss.rss", rss(item('<title>R</title><link xml:base="https://other.example/sub/">page</link>')),
     "xml:base on an RSS element wins over the channel's link", expect={"/items/0/url": "https://other.example/sub/page"})
case("url-xml-base-nested.atom",
     DECL + '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.org/a/"><id>urn:f</id><title>F</title>'
     '<updated>2015-11-26T09:30:00Z</updated><entry xml:base="b/"><id>urn:e:1</id><title>E</title>'
     '<updated>2015-11-26T09:30:00Z</updated><link xml:base="c/" href="page.html"/></entry></feed>\n',
     "nested xml:base attributes combine", expect={"/items/0/url": "https://example.org/a/b/c/page.html"})
case("url-xml-base-absolute-reset.atom",
     DECL + '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.org/a/"><id>urn:f</id><title>F</title>'
     '<updated>2015-11-26T09:30:00Z</updated><entry xml:base="https://other.example/z/"><id>urn:e:1</id><title>E</title>'
     '<updated>2015-11-26T09:30:00Z</updated><link href="p"/></entry></feed>\n',
     "an absolute xml:base replaces the outer one", expect={"/items/0/url": "https://other.example/z/p"})
case("url-atom-caller-base.atom", atom(entry('<link href="/p/1"/>')),
     "without xml:base an Atom link resolves against the caller's base", options={"base_url": "https://base.example/feeds/"},
     expect={"/items/0/url": "https://base.example/p/1"})
case("url-html-href.rss",
     rss(item('<title>H</title><description>&lt;a href="/more"&gt;more&lt;/a&gt;</description>')),
     "href inside HTML content resolves", expect={"/items/0/summary": {"type": "html", "value": '<a href="https://example.org/more">more</a>'}})
case("url-html-src.atom",
     DECL + '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.org/news/"><id>urn:f</id><title>F</title>'
     '<updated>2015-11-26T09:30:00Z</updated><entry><id>urn:e:1</id><title>E</title><updated>2015-11-26T09:30:00Z</updated>'
     '<content type="html">&lt;img src="img/a.png"&gt;</content></entry></feed>\n',
     "src inside Atom HTML content resolves against xml:base",
     expect={"/items/0/content": {"type": "html", "value": '<img src="https://example.org/news/img/a.png">'}})
case("url-absolute-untouched.rss", rss(item("<title>A</title><link>mailto:x@example.org</link>")),
     "an absolute URL of another scheme is left as it is", expect={"/items/0/url": "mailto:x@example.org"})

# ---------------------------------------------------------------------------
# Text constructs
case("text-atom-text.atom", atom(entry('<summary type="text">a &lt;b&gt; c</summary>')),
     "Atom type=text is plain text", expect={"/items/0/summary": "a <b> c"})
case("text-atom-html.atom", atom(entry('<summary type="html">a &lt;b&gt;bold&lt;/b&gt;</summary>')),
     "Atom type=html is HTML, unescaped once", expect={"/items/0/summary": {"type": "html", "value": "a <b>bold</b>"}})
case("text-atom-xhtml.atom",
     atom(entry('<summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hi <b>there</b></p></div></summary>')),
     "Atom type=xhtml keeps the markup inside the div", expect={"/items/0/summary": {"type": "xhtml", "value": "<p>Hi <b>there</b></p>"}})
case("text-atom-xhtml-whitespace.atom",
     atom(entry('<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><b>a</b> <i>b</i></div></content>')),
     "whitespace between inline XHTML elements is kept", expect={"/items/0/content": {"type": "xhtml", "value": "<b>a</b> <i>b</i>"}})
case("text-atom-xhtml-no-div.atom",
     atom(entry('<summary type="xhtml"><p xmlns="http://www.w3.org/1999/xhtml">x</p></summary>')),
     "xhtml content without its div wrapper is read with a warning",
     expect={"/items/0/summary": {"type": "xhtml", "value": "<p>x</p>"}}, diagnostics=["atom-xhtml-div-missing"])
case("text-atom-type-unknown.atom", atom(entry('<summary type="fancy">x</summary>')),
     "an unknown text type is read as text with a warning", expect={"/items/0/summary": "x"},
     diagnostics=["atom-text-type-unknown"])
case("text-atom-base64.atom", atom(entry('<content type="text/plain" mode="base64">SGVsbG8sIHdvcmxk</content>'),),
     "base64 content (Atom 0.3 mode) is decoded", expect={"/items/0/content": "Hello, world"})
case("text-atom-base64-invalid.atom", atom(entry('<content type="text/plain" mode="base64">***not base64***</content>')),
     "invalid base64 is kept as it is with a warning", expect={"/items/0/content": "***not base64***"},
     diagnostics=["atom-base64-invalid"])
case("text-atom-base64-invalid-utf8.atom", atom(entry('<content type="text/plain" mode="base64">/w==</content>')),
     "base64 content that is not UTF-8 gets U+FFFD with a warning", expect={"/items/0/content": "\ufffd"},
     diagnostics=["invalid-utf8"])
case("text-atom-content-xml.atom", atom(entry('<content type="application/xml"><data>x</data></content>')),
     "inline XML content of another media type is kept as text with a warning", diagnostics=["atom-content-xml"])
case("text-atom-content-src.atom", atom(entry('<content src="https://example.org/full.pdf" type="application/pdf"/>')),
     "out-of-line Atom content becomes a link", expect={"/items/0/links/0/href": "https://example.org/full.pdf"})
case("text-cdata.rss", rss(item("<title>C</title><description><![CDATA[<p>Hello & <b>bye</b></p>]]></description>")),
     "CDATA holding HTML is read as HTML", expect={"/items/0/summary": {"type": "html", "value": "<p>Hello & <b>bye</b></p>"}})
case("text-escaped-html.rss", rss(item("<title>C</title><description>&lt;p&gt;escaped&lt;/p&gt;</description>")),
     "escaped HTML in description is read as HTML", expect={"/items/0/summary": {"type": "html", "value": "<p>escaped</p>"}})
case("text-plain-description.rss", rss(item("<title>C</title><description>Just words, 3 &lt; 4.</description>")),
     "a description without markup is plain text", expect={"/items/0/summary": "Just words, 3 < 4."})
case("text-description-vs-content.rss",
     rss(item("<title>C</title><description>Short</description><content:encoded><![CDATA[<p>Long</p>]]></content:encoded>"), ns=["content"]),
     "description is the summary, content:encoded the content",
     expect={"/items/0/summary": "Short", "/items/0/content": {"type": "html", "value": "<p>Long</p>"}})
case("text-title-markup.rss", rss(item("<title>&lt;b&gt;Bold&lt;/b&gt; news</title>")),
     "a title with escaped markup is an HTML title", expect={"/items/0/title": {"type": "html", "value": "<b>Bold</b> news"}})
case("text-title-unescaped-markup.rss", rss(item("<title>A <b>bold</b> title</title>")),
     "a title holding unescaped markup is read as HTML with a warning",
     expect={"/items/0/title": {"type": "html", "value": "A <b>bold</b> title"}}, diagnostics=["markup-unescaped"])
case("text-atom-title-html.atom",
     DECL + '<feed xmlns="http://www.w3.org/2005/Atom"><id>urn:f</id><title type="html">A &amp;lt;i&amp;gt;B&amp;lt;/i&amp;gt;</title>'
     '<updated>2015-11-26T09:30:00Z</updated></feed>\n',
     "an Atom title of type html is an HTML text", expect={"/feed/title": {"type": "html", "value": "A &lt;i&gt;B&lt;/i&gt;"}})
case("text-atom-duplicate-element.atom", atom(entry("<title>Second</title>")),
     "a second <title> in an entry is ignored with a warning", expect={"/items/0/title": "E"},
     diagnostics=["atom-duplicate-element"])
case("text-whitespace-trimmed.rss", rss(item("<title>\n   Spaced  title \n</title>")),
     "leading and trailing whitespace of a plain title is trimmed", expect={"/items/0/title": "Spaced  title"})

# ---------------------------------------------------------------------------
# Extensions
case("ext-dc-creator.rss", rss(item("<title>X</title><dc:creator>Ana Pérez</dc:creator>"), ns=["dc"]),
     "dc:creator is an author", expect={"/items/0/authors": [{"name": "Ana Pérez"}]})
case("ext-dc-subject.rss", rss(item("<title>X</title><dc:subject>Torture</dc:subject>"), ns=["dc"]),
     "dc:subject is a category", expect={"/items/0/categories": [{"term": "Torture"}]})
case("ext-dc-language.rss", rss(item("<title>X</title><dc:language>fr</dc:language>"), ns=["dc"]),
     "dc:language is the item's language", expect={"/items/0/language": "fr"})
case("ext-dc-coverage.rss", rss(item("<title>X</title><dc:coverage>Mexico</dc:coverage>"), ns=["dc"]),
     "dc:coverage is a category with scheme dc:coverage", expect={"/items/0/categories": [{"term": "Mexico", "scheme": "dc:coverage"}]})
case("ext-dc-rights.rss", rss(item("<title>X</title><dc:rights>CC BY 4.0</dc:rights>"), ns=["dc"]),
     "dc:rights is the item's rights", expect={"/items/0/rights": "CC BY 4.0"})
case("ext-dc-publisher.rss", rss(item("<title>X</title><dc:publisher>FIDH</dc:publisher>"), ns=["dc"]),
     "dc:publisher is a publishing organisation",
     expect={"/items/0/publishers": [{"kind": "organisation", "name": "FIDH", "role": "publisher"}]})
case("ext-dc-channel-language.rss", rss(channel="<dc:language>es</dc:language>\n", ns=["dc"]),
     "dc:language on the channel is the feed's language", expect={"/feed/language": "es"})
case("ext-content-encoded.rss",
     rss(item("<title>X</title><content:encoded>&lt;p&gt;Body&lt;/p&gt;</content:encoded>"), ns=["content"]),
     "content:encoded is HTML content", expect={"/items/0/content": {"type": "html", "value": "<p>Body</p>"}})
case("ext-media-content.rss",
     rss(item('<title>X</title><media:content url="https://example.org/v.mp4" type="video/mp4" fileSize="2048"/>'), ns=["media"]),
     "media:content is an attachment", expect={"/items/0/attachments": [{"url": "https://example.org/v.mp4", "type": "video/mp4", "length": 2048}]})
case("ext-media-thumbnail.rss",
     rss(item('<title>X</title><media:thumbnail url="https://example.org/t.jpg"/>'), ns=["media"]),
     "media:thumbnail is a link with rel thumbnail", expect={"/items/0/links": [{"href": "https://example.org/t.jpg", "rel": "thumbnail"}]})
case("ext-media-group.rss",
     rss(item('<title>X</title><media:group><media:content url="https://example.org/a.mp4" type="video/mp4"/>'
              '<media:content url="https://example.org/a.webm" type="video/webm"/></media:group>'), ns=["media"]),
     "every media:content of a media:group is an attachment",
     expect={"/items/0/attachments/0/url": "https://example.org/a.mp4", "/items/0/attachments/1/url": "https://example.org/a.webm"})
case("ext-media-title.rss",
     rss(item('<title>X</title><media:content url="https://example.org/a.mp3"><media:title>Interview</media:title></media:content>'), ns=["media"]),
     "media:title inside media:content is the attachment's title", expect={"/items/0/attachments/0/title": "Interview"})
case("ext-media-length-invalid.rss",
     rss(item('<title>X</title><media:content url="https://example.org/a.mp3" fileSize="big"/>'), ns=["media"]),
     "a non-numeric media fileSize is dropped with a warning", expect={"/items/0/attachments/0/url": "https://example.org/a.mp3"},
     absent=["/items/0/attachments/0/length"], diagnostics=["length-invalid"])
case("ext-enclosure.rss",
     rss(item('<title>X</title><enclosure url="https://example.org/r.pdf" length="123456" type="application/pdf"/>')),
     "an enclosure is an attachment", expect={"/items/0/attachments": [{"url": "https://example.org/r.pdf", "type": "application/pdf", "length": 123456}]})
case("ext-enclosure-no-url.rss", rss(item('<title>X</title><enclosure length="1" type="application/pdf"/>')),
     "an enclosure without url is dropped with a warning", absent=["/items/0/attachments"], diagnostics=["enclosure-invalid"])
case("ext-enclosure-bad-length.rss",
     rss(item('<title>X</title><enclosure url="https://example.org/r.pdf" length="unknown" type="application/pdf"/>')),
     "a non-numeric enclosure length is dropped with a warning", absent=["/items/0/attachments/0/length"],
     diagnostics=["length-invalid"])
case("ext-multiple-enclosures.rss",
     rss(item('<title>X</title><enclosure url="https://example.org/1.pdf" length="1" type="application/pdf"/>'
              '<enclosure url="https://example.org/2.pdf" length="2" type="application/pdf"/>')),
     "every enclosure is kept", expect={"/items/0/attachments/1/url": "https://example.org/2.pdf"})
case("ext-georss-point.rss", rss(item("<title>X</title><georss:point>46.2044 6.1432</georss:point>"), ns=["georss"]),
     "georss:point is the item's position", expect={"/items/0/geo": {"lat": 46.2044, "lon": 6.1432}})
case("ext-georss-point-comma.rss", rss(item("<title>X</title><georss:point>46.2,6.1</georss:point>"), ns=["georss"]),
     "a georss:point separated by a comma is read", expect={"/items/0/geo": {"lat": 46.2, "lon": 6.1}})
case("ext-georss-gml.rss",
     rss(item("<title>X</title><georss:where><gml:Point><gml:pos>-12.5 130.25</gml:pos></gml:Point></georss:where>"),
         ns=["georss", "gml"]),
     "a GML point in georss:where is the item's position", expect={"/items/0/geo": {"lat": -12.5, "lon": 130.25}})
case("ext-georss-invalid.rss", rss(item("<title>X</title><georss:point>north pole</georss:point>"), ns=["georss"]),
     "a georss:point that is not two numbers is dropped with a warning", absent=["/items/0/geo"], diagnostics=["geo-invalid"])
case("ext-georss-gml-empty.rss",
     rss(item("<title>X</title><georss:where><gml:Point/></georss:where>"), ns=["georss", "gml"]),
     "a georss:where without gml:pos is dropped with a warning", absent=["/items/0/geo"], diagnostics=["geo-invalid"])
case("ext-w3c-geo.rss", rss(item("<title>X</title><geo:lat>48.85</geo:lat><geo:long>2.35</geo:long>"), ns=["geo"]),
     "W3C geo lat/long are the item's position", expect={"/items/0/geo": {"lat": 48.85, "lon": 2.35}})
case("ext-atom-link-in-rss.rss",
     rss(channel='<atom:link href="https://example.org/feed.xml" rel="self" type="application/rss+xml"/>\n', ns=["atom"]),
     "atom:link inside an RSS channel is a feed link",
     expect={"/feed/links": [{"href": "https://example.org/feed.xml", "rel": "self", "type": "application/rss+xml"}]})
case("ext-atom-link-in-rss-item.rss",
     rss(item('<title>X</title><atom:link href="https://example.org/fr/1" rel="alternate" hreflang="fr"/>'), ns=["atom"]),
     "atom:link inside an RSS item is an item link",
     expect={"/items/0/links/0/hreflang": "fr", "/items/0/links/0/href": "https://example.org/fr/1"})
case("ext-category-domain.rss",
     rss(item('<title>X</title><category domain="https://example.org/themes">Torture</category>')),
     "an RSS category's domain is its scheme", expect={"/items/0/categories": [{"term": "Torture", "scheme": "https://example.org/themes"}]})
case("ext-atom-category.atom",
     atom(entry('<category term="hrd" scheme="https://example.org/themes" label="Human rights defenders"/>')),
     "an Atom category keeps term, scheme and label",
     expect={"/items/0/categories": [{"term": "hrd", "scheme": "https://example.org/themes", "label": "Human rights defenders"}]})
case("ext-atom-source.atom",
     atom(entry('<source><id>urn:src</id><title>Origin feed</title><link href="https://origin.example/"/></source>')),
     "an Atom source element is kept with the entry", expect={"/items/0/id": "urn:e:1"})
case("ext-rss-author-email-name.rss", rss(item("<title>X</title><author>ana@example.org (Ana Pérez)</author>")),
     "RSS author 'email (Name)' is split", expect={"/items/0/authors": [{"name": "Ana Pérez", "email": "ana@example.org"}]})
case("ext-rss-author-email-only.rss", rss(item("<title>X</title><author>ana@example.org</author>")),
     "RSS author with only an email", expect={"/items/0/authors": [{"email": "ana@example.org"}]})
case("ext-rss-author-name-angle.rss", rss(item("<title>X</title><author>Ana Pérez &lt;ana@example.org&gt;</author>")),
     "RSS author 'Name <email>' is split", expect={"/items/0/authors": [{"name": "Ana Pérez", "email": "ana@example.org"}]})
case("ext-atom-author.atom",
     atom(entry("<author><name>Ana</name><email>ana@example.org</email><uri>https://example.org/ana</uri></author>")),
     "an Atom author keeps name, email and uri",
     expect={"/items/0/authors": [{"name": "Ana", "email": "ana@example.org", "uri": "https://example.org/ana"}]})
case("ext-atom-contributor.atom", atom(entry("<author><name>Ana</name></author><contributor><name>Luis</name></contributor>")),
     "an Atom contributor is kept after the authors", expect={"/items/0/authors/0/name": "Ana"})
case("ext-managing-editor.rss", rss(channel="<managingEditor>ed@example.org (The Editor)</managingEditor>\n"),
     "managingEditor is a publisher with role managing-editor",
     expect={"/feed/publishers": [{"kind": "person", "name": "The Editor", "role": "managing-editor", "email": "ed@example.org"}]})
case("ext-webmaster.rss", rss(channel="<webMaster>web@example.org</webMaster>\n"),
     "webMaster is a publisher with role webmaster",
     expect={"/feed/publishers": [{"kind": "person", "role": "webmaster", "email": "web@example.org"}]})
case("ext-channel-image.rss",
     rss(channel="<image><url>https://example.org/logo.png</url><title>Feed</title><link>https://example.org/</link></image>\n"),
     "the channel image is the feed icon", expect={"/feed/icon": "https://example.org/logo.png"})
case("ext-copyright-generator.rss", rss(channel="<copyright>© OMCT</copyright><generator>CMS 1</generator>\n"),
     "copyright and generator", expect={"/feed/rights": "© OMCT", "/feed/generator": "CMS 1"})
case("ext-guid-permalink.rss",
     rss(item("<title>X</title>", guid=None).replace("<item>", '<item><guid>https://example.org/p/1</guid>')),
     "a permalink guid is the id and the url", expect={"/items/0/id": "https://example.org/p/1", "/items/0/url": "https://example.org/p/1"})
case("ext-guid-not-permalink.rss", rss(item("<title>X</title>", guid="tag:example.org,2015:1")),
     "a guid with isPermaLink=false is only the id", expect={"/items/0/id": "tag:example.org,2015:1"}, absent=["/items/0/url"])
case("ext-id-derived-from-link.rss", rss(item("<title>X</title><link>https://example.org/n/1</link>", guid=None)),
     "an item without guid gets its link as id", expect={"/items/0/id": "https://example.org/n/1"}, notes=["id-derived"])
case("ext-id-derived-hash.rss", rss(item("<title>No link</title><pubDate>Fri, 13 Nov 2015 09:30:00 +0100</pubDate>", guid=None)),
     "an item without guid or link gets a hash of title and date as id",
     expect={"/items/0/id": "urn:hrnews:item:%016x" % fnv1a("No link\nFri, 13 Nov 2015 09:30:00 +0100")}, notes=["id-derived"])
case("ext-foreign-kept.rss",
     rss(item('<title>X</title><x:rating xmlns:x="urn:example:x" stars="4">good</x:rating>')),
     "a foreign extension element is kept", expect={"/items/0/{urn:example:x}rating": '<x:rating xmlns:x="urn:example:x" stars="4">good</x:rating>'})
case("ext-item-outside-channel.rss",
     DECL + '<rss version="2.0"><channel><title>F</title><link>https://example.org/</link><description>D</description></channel>'
     '<item><guid>urn:x:1</guid><title>Stray</title></item></rss>\n',
     "an item outside the channel is read as an item of the channel", expect={"/items/0/title": "Stray"},
     diagnostics=["item-outside-channel"])
case("ext-case-insensitive.rss",
     DECL + '<rss version="2.0"><Channel><Title>Shouting</Title><Link>https://example.org/</Link><Description>D</Description>'
     '<Item><Guid>urn:x:1</Guid><Title>Loud</Title><PubDate>Fri, 13 Nov 2015 09:30:00 GMT</PubDate></Item></Channel></rss>\n',
     "RSS element names are matched case-insensitively", expect={"/feed/title": "Shouting", "/items/0/title": "Loud"})

# ---------------------------------------------------------------------------
# JSON Feed
JF = "https://jsonfeed.org/version/1.1"
case("jsonfeed-version-variant.json", jf({"version": "http://jsonfeed.org/version/1/", "title": "J", "items": []}),
     "a variant version URL is read as the version it names", expect={"/feed/source_format": "jsonfeed-1.0"},
     diagnostics=["version-variant"])
case("jsonfeed-version-unknown.json", jf({"version": "https://jsonfeed.org/version/9", "title": "J", "items": []}),
     "an unknown version is read as 1.1 with a warning", expect={"/feed/source_format": "jsonfeed-1.1"},
     diagnostics=["version-unknown"])
case("jsonfeed-version-missing.json", jf({"title": "J", "items": [{"id": "1", "content_text": "x"}]}),
     "a feed without version is read as 1.1 with a warning", format="jsonfeed",
     expect={"/feed/source_format": "jsonfeed-1.1"}, diagnostics=["version-missing"])
case("jsonfeed-title-missing.json", jf({"version": JF, "items": []}),
     "a feed without title is read with a warning", absent=["/feed/title"], diagnostics=["title-missing"])
case("jsonfeed-hub-no-url.json", jf({"version": JF, "title": "J", "hubs": [{"type": "WebSub"}], "items": []}),
     "a hub without url is ignored with a warning", diagnostics=["hub-no-url"])
case("jsonfeed-item-not-object.json", jf({"version": JF, "title": "J", "items": ["oops", {"id": "2"}]}),
     "an item that is not an object is skipped with a warning", expect={"/items/0/id": "2"}, diagnostics=["wrong-type"])
case("jsonfeed-id-number.json", jf({"version": JF, "title": "J", "items": [{"id": 42}]}),
     "a numeric id is read as a string with a warning", expect={"/items/0/id": "42"}, diagnostics=["id-not-string"])
case("jsonfeed-tags-string.json", jf({"version": JF, "title": "J", "items": [{"id": "1", "tags": "torture"}]}),
     "tags given as one string are read as one tag", expect={"/items/0/categories": [{"term": "torture"}]},
     diagnostics=["wrong-type"])
case("jsonfeed-author-string.json", jf({"version": "https://jsonfeed.org/version/1", "title": "J", "author": "Ana", "items": []}),
     "an author given as a string is the author's name", diagnostics=["wrong-type"])
case("jsonfeed-authors-object.json", jf({"version": JF, "title": "J", "items": [{"id": "1", "authors": {"name": "Ana"}}]}),
     "authors given as one object are read as one author", expect={"/items/0/authors": [{"name": "Ana"}]},
     diagnostics=["wrong-type"])
case("jsonfeed-attachment-no-url.json",
     jf({"version": JF, "title": "J", "items": [{"id": "1", "attachments": [{"mime_type": "audio/mpeg"}]}]}),
     "an attachment without url is skipped with a warning", absent=["/items/0/attachments"], diagnostics=["attachment-no-url"])
case("jsonfeed-member-unknown.json", jf({"version": JF, "title": "J", "colour": "red", "items": []}),
     "an unknown member is noted (info), not an error", notes=["member-unknown"])
case("jsonfeed-avatar-ignored.json",
     jf({"version": JF, "title": "J", "items": [{"id": "1", "authors": [{"name": "Ana", "avatar": "https://example.org/a.png"}]}]}),
     "an author's avatar has no place in the model (info)", expect={"/items/0/authors": [{"name": "Ana"}]}, notes=["member-ignored"])
case("jsonfeed-wrong-type-member.json", jf({"version": JF, "title": 5, "items": []}),
     "a member of the wrong type is ignored with a warning", absent=["/feed/title"], diagnostics=["wrong-type"])
case("jsonfeed-dates.json",
     jf({"version": JF, "title": "J", "items": [{"id": "1", "date_published": "2015-11-13T09:30:00+01:00",
                                                  "date_modified": "2015-11-14T10:00:00Z"}]}),
     "date_published and date_modified", expect={"/items/0/published": "2015-11-13T09:30:00+01:00", "/items/0/updated": "2015-11-14T10:00:00Z"})
case("jsonfeed-date-unparsed.json", jf({"version": JF, "title": "J", "items": [{"id": "1", "date_published": "soon"}]}),
     "an unparseable JSON Feed date is a warning", absent=["/items/0/published"], diagnostics=["date-unparsed"])
case("jsonfeed-bom.json", b"\xef\xbb\xbf" + jf({"version": JF, "title": "J", "items": []}).encode(),
     "a UTF-8 byte-order mark is ignored (info)", format="jsonfeed", expect={"/feed/title": "J"}, notes=["byte-order-mark"])
case("jsonfeed-relative-url.json",
     jf({"version": JF, "title": "J", "home_page_url": "https://example.org/news/", "items": [{"id": "1", "url": "p/1"}]}),
     "a relative item url resolves against home_page_url", expect={"/items/0/url": "https://example.org/news/p/1"})
case("jsonfeed-attachment.json",
     jf({"version": JF, "title": "J", "items": [{"id": "1", "attachments": [{"url": "https://example.org/a.mp3",
        "mime_type": "audio/mpeg", "size_in_bytes": 10, "title": "Talk"}]}]}),
     "an attachment keeps url, type, length and title",
     expect={"/items/0/attachments": [{"url": "https://example.org/a.mp3", "type": "audio/mpeg", "length": 10, "title": "Talk"}]})

# ---------------------------------------------------------------------------
# Errors (the whole message is checked)
case("error-empty.rss", b"", "an empty input is an error", format="rss", error="error-empty.rss: rss: empty input")
case("error-not-xml.rss", "just some words\n", "text that is not XML is an error", format="rss",
     error="error-not-xml.rss: rss: not an XML document")
case("error-gzip.rss", b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip-compressed bytes are an error naming the cause", format="rss",
     error="error-gzip.rss: rss: gzip-compressed input; decompress it first")
case("error-rss-root.rss", DECL + "<html><body/></html>\n", "a root that is not rss or rdf:RDF is an error", format="rss",
     error="error-rss-root.rss:2:2: rss: root element <html> is not <rss> or <rdf:RDF>")
case("error-rss-no-channel.rss", DECL + '<rss version="2.0"><item/></rss>\n', "an rss without channel is an error",
     format="rss", error="error-rss-no-channel.rss:2:2: rss: <rss> has no <channel>")
case("error-atom-root.atom", DECL + "<rss/>\n", "a root that is not feed or entry is an error for the Atom reader",
     format="atom", error="error-atom-root.atom:2:1: atom: the root element is <rss>, not an Atom <feed> or <entry>")
case("error-atom-other-namespace.atom", DECL + '<feed xmlns="urn:not-atom"/>\n', "a feed in another namespace is an error",
     format="atom", error='error-atom-other-namespace.atom:2:1: atom: <feed> is in the namespace "urn:not-atom", not in an Atom namespace')
case("error-deep-nesting.rss", rss(item("<title>X</title><description>%s</description>" % ("<b>" * 300 + "x" + "</b>" * 300))),
     "nesting deeper than the limit is an error", error="error-deep-nesting.rss:7:832: rss: nesting deeper than 256 levels")
case("error-jsonfeed-not-object.json", "[1, 2]\n", "a JSON Feed must be an object", format="jsonfeed",
     error="error-jsonfeed-not-object.json: jsonfeed: expected an object (a JSON Feed)")
case("error-jsonfeed-no-items.json", jf({"version": JF, "title": "J"}), "a JSON Feed without items is an error",
     error='error-jsonfeed-no-items.json: jsonfeed: missing required member "items"')
case("error-jsonfeed-items-not-array.json", jf({"version": JF, "title": "J", "items": "none"}),
     "items that are not an array are an error", error="error-jsonfeed-items-not-array.json:4:11: jsonfeed: /items: expected an array, found a string")
case("error-jsonfeed-syntax.json", '{"version": "%s", "items": [' % JF, "truncated JSON is an error with line and column",
     format="jsonfeed", error="error-jsonfeed-syntax.json:1:59: jsonfeed: syntax error: unexpected end of input")


# ---------------------------------------------------------------------------
# More: limits, the hrnews extension, classification, further strict cases
HR = ' xmlns:hr="urn:hrnews:feed-extension:1.0"'
case("limit-input-bytes.rss", rss(item("<title>X</title>")), "an input over max_input_bytes is an error",
     options={"max_input_bytes": 100}, error="limit-input-bytes.rss: rss: input is %d bytes, over the limit of 100 bytes"
     % len(rss(item("<title>X</title>")).encode()))
case("limit-string-bytes.rss", rss(item("<title>%s</title>" % ("x" * 200))), "a string over max_string_bytes is an error",
     options={"max_string_bytes": 100}, error="limit-string-bytes.rss:7:54: rss: string is 200 bytes, over the limit of 100 bytes")
case("limit-items-rss.rss", rss(item("<title>1</title>") + item("<title>2</title>", guid="urn:x:2")),
     "more items than max_items is an error", options={"max_items": 1},
     error="limit-items-rss.rss: rss: more than 1 items (limit max_items)")
case("limit-items-atom.atom", atom(entry("") + entry("", eid="urn:e:2")), "more entries than max_items is an error",
     options={"max_items": 1}, error="limit-items-atom.atom:7:1: atom: more than 1 items (limit max_items)")
case("limit-items-jsonfeed.json", jf({"version": JF, "title": "J", "items": [{"id": "1"}, {"id": "2"}]}),
     "more JSON Feed items than max_items is an error", options={"max_items": 1},
     error="limit-items-jsonfeed.json:8:3: jsonfeed: /items/1: more than 1 items (limit max_items)")
case("limit-depth-option.rss", rss(item("<title>X</title><description><b><i><u>deep</u></i></b></description>")),
     "max_depth is configurable", options={"max_depth": 5}, error="limit-depth-option.rss:7:79: rss: nesting deeper than 5 levels")
case("ext-hr-invalid.rss",
     rss(item("<title>X</title>"), channel="<hr:updated>soon</hr:updated>\n", root_extra=HR),
     "an invalid value in the hrnews extension is ignored with a warning", absent=["/feed/updated"],
     diagnostics=["extension-invalid"])
case("ext-hr-source-format.rss", rss(channel="<hr:source-format>atom-1.0</hr:source-format>\n", root_extra=HR),
     "the hrnews extension restores the source format of a written feed", expect={"/feed/source_format": "atom-1.0"})
case("jsonfeed-hrnews-invalid.json", jf({"version": JF, "title": "J", "_hrnews": {"feed": 5}, "items": []}),
     "an _hrnews member holding a value of the wrong type is ignored with a warning", diagnostics=["hrnews-invalid"])
case("jsonfeed-version-1.0-spelling.json", jf({"version": "https://jsonfeed.org/version/1.0", "title": "J", "items": []}),
     "the common spelling .../version/1.0 is read as JSON Feed 1.0 with a warning",
     expect={"/feed/source_format": "jsonfeed-1.0"}, diagnostics=["version-variant"])
case("jsonfeed-invalid-utf8.json", jf({"version": JF, "title": "a@@b", "items": []}).encode().replace(b"@@", b"\xff"),
     "invalid UTF-8 in a JSON Feed becomes U+FFFD with a warning", expect={"/feed/title": "a\ufffdb"}, diagnostics=["invalid-utf8"])
case("jsonfeed-control-character.json", jf({"version": JF, "title": "a@@b", "items": []}).encode().replace(b"@@", b"\x01"),
     "a raw control character in a JSON Feed string is repaired with a warning", diagnostics=["control-character"])
case("classify-country-theme.rss",
     rss(item('<title>Azerbaijan: release of a defender</title><category>Human Rights Defenders</category>'
              '<category>Azerbaijan</category>')),
     "with classification on, categories resolve to taxonomy terms and countries", options={"classify": True},
     expect={"/items/0/countries": ["AZ"], "/items/0/subjects/0": {"scheme": "theme", "code": "human-rights-defenders"}})
case("classify-off.rss", rss(item('<title>X</title><category>Azerbaijan</category>')),
     "with classification off, categories stay raw", absent=["/items/0/countries", "/items/0/subjects"])
case("text-atom-xhtml-entities.atom",
     atom(entry('<summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">a &amp; b &lt; c</div></summary>')),
     "escaped characters inside XHTML stay escaped", expect={"/items/0/summary": {"type": "xhtml", "value": "a &amp; b &lt; c"}})
case("text-rss-whitespace-mixed.rss",
     rss(item("<title>X</title><content:encoded><![CDATA[<b>a</b> <i>b</i>]]></content:encoded>"), ns=["content"]),
     "whitespace in HTML content is kept", expect={"/items/0/content": {"type": "html", "value": "<b>a</b> <i>b</i>"}})
case("ext-atom-link-enclosure.atom",
     atom(entry('<link rel="enclosure" href="https://example.org/a.mp3" type="audio/mpeg" length="99"/>')),
     "an Atom enclosure link is an attachment",
     expect={"/items/0/attachments": [{"url": "https://example.org/a.mp3", "type": "audio/mpeg", "length": 99}]})
case("ext-atom-link-length-invalid.atom",
     atom(entry('<link rel="related" href="https://example.org/r" length="big"/>')),
     "a non-numeric Atom link length is dropped with a warning", expect={"/items/0/links/0/href": "https://example.org/r"},
     diagnostics=["length-invalid"])
case("ext-atom-georss.atom", atom(entry("<georss:point>-33.9 18.4</georss:point>"), ns=["georss"]),
     "georss:point inside Atom", expect={"/items/0/geo": {"lat": -33.9, "lon": 18.4}})
case("ext-atom-geo-invalid.atom", atom(entry("<georss:point>here</georss:point>"), ns=["georss"]),
     "an invalid georss:point inside Atom is dropped with a warning", absent=["/items/0/geo"], diagnostics=["geo-invalid"])
case("ext-atom-dc-creator.atom", atom(entry("<dc:creator>Ana</dc:creator>"), ns=["dc"]),
     "dc:creator inside Atom is an author", expect={"/items/0/authors": [{"name": "Ana"}]})
case("ext-atom-rights-feed.atom", atom(feed="<rights>© 2015</rights><subtitle>Sub</subtitle><icon>/i.png</icon>\n",
     root_extra=' xml:base="https://example.org/"'),
     "Atom feed rights, subtitle and icon (resolved)", expect={"/feed/rights": "© 2015", "/feed/subtitle": "Sub",
                                                               "/feed/icon": "https://example.org/i.png"})
case("ext-atom-generator.atom", atom(feed='<generator uri="https://example.org/cms" version="2">CMS</generator>\n'),
     "the Atom generator's text and version are the feed generator", expect={"/feed/generator": "CMS 2"})
case("ext-atom-entry-missing-id.atom",
     atom('<entry><title>No id</title><link href="https://example.org/n"/><updated>2015-11-26T09:30:00Z</updated></entry>\n'),
     "an Atom entry without id gets its link as id (info)", expect={"/items/0/id": "https://example.org/n"}, notes=["id-derived"])
case("ext-rdf-dc.rdf",
     DECL + '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" '
     'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="https://example.org/"><title>R</title>'
     '<link>https://example.org/</link><description>D</description></channel>'
     '<item rdf:about="https://example.org/1"><title>One</title><link>https://example.org/1</link>'
     '<dc:date>2015-11-13T09:30:00+01:00</dc:date><dc:creator>Ana</dc:creator></item></rdf:RDF>\n',
     "RDF items carry their dates and creators in Dublin Core",
     expect={"/items/0/published": "2015-11-13T09:30:00+01:00", "/items/0/authors/0/name": "Ana"})
case("enc-us-ascii.rss", rss(item("<title>plain &#233;</title>"), decl='<?xml version="1.0" encoding="us-ascii"?>\n'),
     "US-ASCII with a character reference", expect={"/items/0/title": "plain \u00e9"})
case("enc-koi8-r-hint.rss", rss(item("<title>\u041c\u043e\u0441\u043a\u0432\u0430</title>"), decl="").encode("koi8-r"),
     "a caller hint of another 8-bit charset (KOI8-R)", options={"charset": "koi8-r"},
     expect={"/items/0/title": "\u041c\u043e\u0441\u043a\u0432\u0430"})
case("enc-latin1-declared-cp1252-bytes.rss",
     rss(item("<title>\u201cq\u201d</title>"), decl='<?xml version="1.0" encoding="iso-8859-1"?>\n').encode("cp1252"),
     "ISO-8859-1 is read as windows-1252 (as browsers do), so 0x93/0x94 are curly quotes",
     expect={"/items/0/title": "\u201cq\u201d"})

case("limit-input-bytes-jsonfeed.json", jf({"version": JF, "title": "J", "items": []}),
     "a JSON Feed over max_input_bytes is an error", options={"max_input_bytes": 10},
     error="limit-input-bytes-jsonfeed.json: jsonfeed: input is 80 bytes, over the limit of 10 bytes")
case("limit-string-bytes-atom.atom", atom(entry("<summary>%s</summary>" % ("y" * 300))),
     "an Atom string over max_string_bytes is an error", options={"max_string_bytes": 256},
     error="limit-string-bytes-atom.atom:6:88: atom: string is 300 bytes, over the limit of 256 bytes")
case("error-jsonfeed-items-null.json", jf({"version": JF, "title": "J", "items": None}),
     "items that are null count as absent: an error", error='error-jsonfeed-items-null.json: jsonfeed: missing required member "items"')

# ---------------------------------------------------------------------------
# Strict mode: each repair becomes an error
STRICT = [
    ("control-character", rss(item("<title>a\x01b</title>")), "strict-control-character.rss:?"),
    ("html-entity", rss(item("<title>a&nbsp;b</title>")), ""),
    ("bare-ampersand", rss(item("<title>a & b</title>")), ""),
    ("bare-less-than", rss(item("<title>1 < 2</title>")), ""),
    ("doctype", DECL + '<!DOCTYPE rss [<!ENTITY x "y">]>\n' + rss(item("<title>One</title>"), decl=""), ""),
    ("truncated", DECL + '<rss version="2.0"><channel><title>Cut</title>', ""),
    ("junk-before-root", "junk\n" + rss(item("<title>One</title>"), decl=""), ""),
    ("invalid-utf8", None, ""),
    ("mismatched-end-tag", rss(item("<title>One</title><description>a <b>bold</description>")), ""),
    ("date-unparsed", pub("the day after tomorrow"), ""),
    ("namespace-variant", rss(item("<title>One</title><dc:creator>Ana</dc:creator>"),
                              root_extra=' xmlns:dc="https://purl.org/dc/elements/1.1/"'), ""),
    ("markup-unescaped", rss(item("<title>A <b>bold</b> title</title>")), ""),
    ("item-outside-channel", DECL + '<rss version="2.0"><channel><title>F</title><link>https://example.org/</link>'
     '<description>D</description></channel><item><guid>urn:x:1</guid></item></rss>\n', ""),
    ("atom-xhtml-div-missing", atom(entry('<summary type="xhtml"><p xmlns="http://www.w3.org/1999/xhtml">x</p></summary>')), ""),
    ("jsonfeed-title-missing", jf({"version": JF, "items": []}), ""),
    ("encoding-unknown", rss(item("<title>plain</title>"), decl='<?xml version="1.0" encoding="x-made-up"?>\n'), ""),
    ("geo-invalid", rss(item("<title>X</title><georss:point>north pole</georss:point>"), ns=["georss"]), ""),
    ("enclosure-invalid", rss(item('<title>X</title><enclosure length="1" type="application/pdf"/>')), ""),
    ("attribute-syntax", rss(item("<title>One</title><enclosure url=https://example.org/a.pdf/>")), ""),
    ("atom-namespace-missing", DECL + '<feed><id>urn:f</id><title>No ns</title><updated>2015-11-26T09:30:00Z</updated></feed>\n', ""),
    ("jsonfeed-version-missing", jf({"title": "J", "items": []}), ""),
]
# The whole messages (checked by hand: location of the first repair, the repair's own message).
STRICT_ERRORS = {
    "strict-atom-namespace-missing.atom": "strict-atom-namespace-missing.atom:2:1: atom: <feed> has no Atom namespace; read as Atom 1.0 (strict mode)",
    "strict-attribute-syntax.rss": "strict-attribute-syntax.rss:7:80: rss: malformed attribute in <enclosure> repaired (strict mode)",
    "strict-enclosure-invalid.rss": "strict-enclosure-invalid.rss:7:64: rss: rss/channel/item[1]/enclosure: <enclosure> has no url; dropped (strict mode)",
    "strict-geo-invalid.rss": "strict-geo-invalid.rss:7:64: rss: rss/channel/item[1]/georss:point: \"north pole\" is not a point (lat lon); dropped (strict mode)",
    "strict-jsonfeed-version-missing.json": "strict-jsonfeed-version-missing.json: jsonfeed: no \"version\" member; read as JSON Feed 1.1 (strict mode)",
    "strict-atom-xhtml-div-missing.atom": "strict-atom-xhtml-div-missing.atom:6:79: atom: /items/0/summary: <summary type=\"xhtml\"> does not hold exactly one xhtml:div; its content was kept as XHTML (strict mode)",
    "strict-bare-ampersand.rss": "strict-bare-ampersand.rss:7:56: rss: unescaped \"&\" escaped (strict mode)",
    "strict-bare-less-than.rss": "strict-bare-less-than.rss:7:56: rss: unescaped \"<\" escaped (strict mode)",
    "strict-control-character.rss": "strict-control-character.rss:7:55: rss: control character removed (strict mode)",
    "strict-date-unparsed.rss": "strict-date-unparsed.rss:7:64: rss: rss/channel/item[1]/pubDate: \"the day after tomorrow\" is not a date; dropped (strict mode)",
    "strict-doctype.rss": "strict-doctype.rss:2:1: rss: DOCTYPE removed; its entities are never expanded (strict mode)",
    "strict-encoding-unknown.rss": "strict-encoding-unknown.rss:1:1: rss: unknown declared encoding \"x-made-up\"; read as utf-8 (strict mode)",
    "strict-html-entity.rss": "strict-html-entity.rss:7:55: rss: HTML entity &nbsp; resolved (strict mode)",
    "strict-invalid-utf8.rss": "strict-invalid-utf8.rss:7:58: rss: invalid UTF-8 replaced by U+FFFD (strict mode)",
    "strict-item-outside-channel.rss": "strict-item-outside-channel.rss:2:117: rss: rss/item: <item> outside <channel>; read as an item of the channel (strict mode)",
    "strict-jsonfeed-title-missing.json": "strict-jsonfeed-title-missing.json: jsonfeed: feed has no \"title\" (strict mode)",
    "strict-junk-before-root.rss": "strict-junk-before-root.rss:1:1: rss: text before the root element removed (strict mode)",
    "strict-markup-unescaped.rss": "strict-markup-unescaped.rss:7:48: rss: rss/channel/item[1]/title: <title> holds unescaped markup; read as HTML (strict mode)",
    "strict-mismatched-end-tag.rss": "strict-mismatched-end-tag.rss:7:87: rss: end tag </description> also closed <b> (strict mode)",
    "strict-namespace-variant.rss": "strict-namespace-variant.rss:2:2: rss: namespace \"https://purl.org/dc/elements/1.1/\" read as \"http://purl.org/dc/elements/1.1/\" (strict mode)",
    "strict-truncated.rss": "strict-truncated.rss:2:47: rss: input is truncated; closed 2 open elements, innermost <channel> (strict mode)"
}
for code, data, _ in STRICT:
    if data is None:
        data = rss(item("<title>bad @@ byte</title>")).encode().replace(b"@@", b"\xff")
    ext = ".json" if code.startswith("jsonfeed") else (".atom" if code.startswith("atom") else ".rss")
    case("strict-%s%s" % (code, ext), data, "strict mode turns the %s repair into an error" % code,
         options={"strict": True}, error=STRICT_ERRORS.get("strict-%s%s" % (code, ext), "?"),
         **({"format": "jsonfeed"} if code.startswith("jsonfeed") else {}))


def main():
    os.makedirs(OUT, exist_ok=True)
    seen = set()
    for entry_ in CASES:
        if entry_ is None:
            continue
        name, data, spec = entry_
        assert name not in seen, name
        seen.add(name)
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)
        with open(os.path.join(OUT, name + ".expect.json"), "w", encoding="utf-8") as f:
            json.dump(spec, f, ensure_ascii=False, indent=1)
            f.write("\n")
    print("%d files in %s" % (len(seen), os.path.normpath(OUT)))


if __name__ == "__main__":
    main()
