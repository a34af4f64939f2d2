#!/usr/bin/env python3
"""Writes a synthetic town of N listings (fixed seed) into a content folder, for `make bench`.

Usage: synthetic_town.py N OUT_DIR [EMBEDS]

EMBEDS (default 1) is the number of listing embeds in the newest bulletin. From 100,000
listings the districts nest under municipalities and a prefecture, as a prefecture's site does.
"""
import os
import random
import sys

DISTRICTS = [("d%02d" % i, "地区%02d" % i) for i in range(40)]
KANA = "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわ"
SCHEDULES = ["毎週水曜 13:30〜15:30", "第2・第4火曜日 10:00-12:00", "毎月15日 10:00〜", "最終金曜 18:00〜19:30",
             "毎週月・木曜日 10時〜12時", "奇数月の第2日曜 10:00〜11:30", "不定期", "毎月第１土曜　１３：３０～１５：３０"]
KINDS = ["サロン", "通いの場", "支え合い", "salon", "place", "group"]


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    embeds = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    rng = random.Random(20251101)
    for sub in ("districts", "listings", "bulletins"):
        os.makedirs(os.path.join(out, sub), exist_ok=True)
    with open(os.path.join(out, "site.yml"), "w", encoding="utf-8") as f:
        f.write("title: ベンチ町\nbase_url: https://example.org/bench/\n"
                "categories:\n  - { id: ibasho, name: 居場所 }\n  - { id: undo, name: 運動 }\n"
                "audiences:\n  - { id: koreisha, name: 高齢者 }\n  - { id: kosodate, name: 子育て }\n")
    # A prefecture's scale (100k) nests as a prefecture's site does (SPEC 3.2 parent): the
    # prefecture holds municipalities, each holding two of the districts the listings name.
    nested = n >= 100000
    if nested:
        with open(os.path.join(out, "districts", "pref.md"), "w", encoding="utf-8") as f:
            f.write("---\nname: ベンチ県\nkana: べんちけん\norder: 0\n---\nベンチ県の紹介です。\n")
        for m in range(len(DISTRICTS) // 2):
            with open(os.path.join(out, "districts", "m%02d.md" % m), "w", encoding="utf-8") as f:
                f.write(f"---\nname: 市町{m:02d}\nkana: しちょう{m}\norder: {m + 1}\nparent: pref\n---\n市町{m:02d}の紹介です。\n")
    for i, (did, name) in enumerate(DISTRICTS):
        parent = f"parent: m{i // 2:02d}\n" if nested else ""
        with open(os.path.join(out, "districts", did + ".md"), "w", encoding="utf-8") as f:
            f.write(f"---\nname: {name}\nkana: ちく{i}\norder: {i + 100 if nested else i}\n{parent}---\n{name}の紹介です。\n")
    header = "ID\t名称\tふりがな\t種別\t地区\t分類\t対象\t開催日時\t会場\t住所\t緯度\t経度\t参加費\t連絡先\t状態\t終了\t_メモ\n"
    per_file = 5000
    for start in range(0, n, per_file):
        with open(os.path.join(out, "listings", "t%04d.tsv" % (start // per_file)), "w", encoding="utf-8") as f:
            f.write(header)
            for i in range(start, min(n, start + per_file)):
                kana = "".join(rng.choice(KANA) for _ in range(rng.randint(3, 9)))
                did = rng.choice(DISTRICTS)[0]
                status = rng.choice(["活動中"] * 18 + ["休止中", "活動終了"])
                until = "" if status == "活動中" else "2025-10"
                f.write(f"s{i:06d}\t{kana}サロン{i}\t{kana}\t{rng.choice(KINDS)}\t{did}\t居場所、運動\t高齢者\t"
                        f"{rng.choice(SCHEDULES)}\t公民館{i % 97}\tベンチ町{i % 13}-{i % 7}\t"
                        f"{36 + rng.random():.5f}\t{139 + rng.random():.5f}\t100円\t0270-11-{i % 10000:04d}\t{status}\t{until}\tmemo{i}\n")
    for month, number in (("2025-05", 1), ("2025-08", 2), ("2025-11", 3), ("2026-02", 4)):
        with open(os.path.join(out, "bulletins", month + ".md"), "w", encoding="utf-8") as f:
            f.write(f"---\ntitle: 第{number}号\nnumber: {number}\ndate: {month}-01\n---\n## お知らせ\n\n"
                    + "".join(f"{{{{< listing \"s{i % n:06d}\" >}}}}\n\n" for i in range(1, 1 + (embeds if number == 4 else 1)))
                    + "{{< calendar >}}\n")


if __name__ == "__main__":
    main()
