#!/usr/bin/env python3
"""Writes kodomo-shokudo.xlsx: the example town's 子ども食堂 table (content/listings/kodomo-shokudo.csv)
as a council keeps it in Excel, written by a real spreadsheet writer (openpyxl). Numbers are
stored as numbers, times as Excel times, so the workbook reader's conversions are exercised.
The file is committed; run this again only when the CSV changes:  python3 make_kodomo_workbook.py
"""
import csv
import datetime
import os

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
CSV = os.path.join(HERE, "..", "..", "..", "content", "listings", "kodomo-shokudo.csv")


def typed(header, text):
    if text == "":
        return None
    if header in ("開催開始時間", "開催終了時間"):
        hour, minute = text.split(":")
        return datetime.time(int(hour), int(minute))
    if header in ("緯度", "経度"):
        return float(text)
    if text.isdigit() and not text.startswith("0"):
        return int(text)
    return text


def main():
    with open(CSV, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "子ども食堂"
    sheet.append(rows[0])
    for row in rows[1:]:
        sheet.append([typed(h, v) for h, v in zip(rows[0], row)])
    for cell in sheet["AC"][1:] + sheet["AD"][1:]:
        cell.number_format = "h:mm"
    notes = book.create_sheet("説明")
    notes.append(["この表は町の子ども食堂・居場所の一覧です（架空のデータ）。"])
    book.properties.creator = "Sasaeai fixture"
    book.properties.created = datetime.datetime(2025, 4, 1)
    book.properties.modified = datetime.datetime(2025, 4, 1)
    book.save(os.path.join(HERE, "kodomo-shokudo.xlsx"))


if __name__ == "__main__":
    main()
