#!/usr/bin/env python3
"""Writes a Hugo site equivalent to a Sasaeai content folder, for `make bench`'s side-by-side run.

Usage: hugo_town.py CONTENT_DIR OUT_DIR

Equivalent means: one page per listing showing the same fields, district, kind, category, audience
and weekday as taxonomies (a term page per value and a terms index each), the listings index, one
page per district and per bulletin, an Atom-like RSS feed and a sitemap (Hugo's defaults). Hugo gets
plain Go templates with the same kind of markup; it does no schedule parsing, so the weekdays are
derived here, before timing starts.
"""
import csv
import os
import re
import sys

WEEKDAYS = {"月": "mon", "火": "tue", "水": "wed", "木": "thu", "金": "fri", "土": "sat", "日": "sun"}
COLUMNS = {"ID": "id", "名称": "name", "ふりがな": "kana", "種別": "kind", "地区": "district", "分類": "categories",
           "対象": "audience", "開催日時": "schedule", "会場": "venue", "住所": "address", "緯度": "lat", "経度": "lon",
           "参加費": "fee", "連絡先": "contact", "状態": "status", "終了": "until"}

LAYOUTS = {
    "_default/baseof.html": """<!doctype html><html lang="ja"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>{{ .Title }} | {{ .Site.Title }}</title>
<link rel="stylesheet" href="{{ "style.css" | relURL }}"></head><body>
<header><a href="{{ "" | relURL }}">{{ .Site.Title }}</a><nav><a href="{{ "listings/" | relURL }}">一覧</a>
<a href="{{ "districts/" | relURL }}">地区</a><a href="{{ "weekdays/" | relURL }}">曜日</a></nav></header>
<main>{{ block "main" . }}{{ end }}</main><footer>{{ .Site.Params.publisher }}</footer></body></html>""",
    "_default/single.html": """{{ define "main" }}<h1><ruby>{{ .Title }}<rt>{{ .Params.kana }}</rt></ruby></h1>
<dl>{{ with .Params.schedule }}<dt>開催日時</dt><dd>{{ . }}</dd>{{ end }}{{ with .Params.venue }}<dt>会場</dt><dd>{{ . }}</dd>{{ end }}
{{ with .Params.address }}<dt>住所</dt><dd>{{ . }}</dd>{{ end }}{{ with .Params.fee }}<dt>参加費</dt><dd>{{ . }}</dd>{{ end }}
{{ with .Params.contact }}<dt>連絡先</dt><dd><a href="tel:{{ . }}">{{ . }}</a></dd>{{ end }}</dl>
<ul>{{ range .GetTerms "categories" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}
{{ range .GetTerms "district" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}
{{ range .GetTerms "weekdays" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
{{ .Content }}{{ end }}""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}
<li class="card"><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.schedule }} {{ .Params.venue }}</li>{{ end }}</ul>{{ end }}""",
    "_default/terms.html": """{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}
<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}""",
    "index.html": """{{ define "main" }}<h1>{{ .Site.Title }}</h1><ul>{{ range first 5 (where .Site.RegularPages "Section" "bulletins") }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}""",
}


def read_tables(content):
    rows = []
    folder = os.path.join(content, "listings")
    for name in sorted(os.listdir(folder)):
        if not name.endswith((".tsv", ".csv")):
            continue
        with open(os.path.join(folder, name), encoding="utf-8-sig", newline="") as f:
            reader = csv.reader(f, delimiter="\t" if name.endswith(".tsv") else ",")
            header = next(reader)
            for cells in reader:
                rows.append({COLUMNS[h]: v for h, v in zip(header, cells) if h in COLUMNS})
    return rows


def quote(value):
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    content, out = sys.argv[1], sys.argv[2]
    for path, text in LAYOUTS.items():
        os.makedirs(os.path.dirname(os.path.join(out, "layouts", path)), exist_ok=True)
        with open(os.path.join(out, "layouts", path), "w", encoding="utf-8") as f:
            f.write(text)
    os.makedirs(os.path.join(out, "static"), exist_ok=True)
    with open(os.path.join(out, "static", "style.css"), "w") as f:
        f.write("body{font-size:1rem;max-width:60rem;margin:auto}.card{padding:.5rem}\n")
    with open(os.path.join(out, "hugo.toml"), "w", encoding="utf-8") as f:
        f.write('baseURL = "https://example.org/bench/"\ntitle = "ベンチ町"\nlanguageCode = "ja"\n'
                'disableKinds = ["RSS"]\n[params]\npublisher = "ベンチ町社会福祉協議会"\n[taxonomies]\n'
                'district = "district"\nkind = "kinds"\ncategory = "categories"\naudience = "audiences"\nweekday = "weekdays"\n')
    listings = os.path.join(out, "content", "listings")
    os.makedirs(listings, exist_ok=True)
    for row in read_tables(content):
        if row.get("status") == "活動終了":
            continue
        days = sorted({WEEKDAYS[c] for c in re.findall(r"([月火水木金土日])曜", row.get("schedule", ""))})
        terms = {
            "district": [row.get("district", "")],
            "kinds": [row.get("kind", "")],
            "categories": [c for c in re.split(r"[、,;]", row.get("categories", "")) if c],
            "audiences": [a for a in re.split(r"[、,;]", row.get("audience", "")) if a],
            "weekdays": days,
        }
        with open(os.path.join(listings, row["id"] + ".md"), "w", encoding="utf-8") as f:
            f.write("---\n")
            f.write(f"title: {quote(row['name'])}\n")
            for key in ("kana", "schedule", "venue", "address", "fee", "contact", "lat", "lon"):
                if row.get(key):
                    f.write(f"{key}: {quote(row[key])}\n")
            for key, values in terms.items():
                f.write(f"{key}: [{', '.join(quote(v) for v in values)}]\n")
            f.write("---\n")
    bulletins = os.path.join(out, "content", "bulletins")
    os.makedirs(bulletins, exist_ok=True)
    for name in sorted(os.listdir(os.path.join(content, "bulletins"))):
        with open(os.path.join(content, "bulletins", name), encoding="utf-8") as src:
            text = re.sub(r"\{\{<[^>]*>\}\}", "", src.read())
        with open(os.path.join(bulletins, name), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
