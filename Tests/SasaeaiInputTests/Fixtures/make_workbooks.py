#!/usr/bin/env python3
"""Writes the workbook fixtures of WorkbookTests with real spreadsheet writers.

The produced files are committed, so `swift test` needs no Python; run this again only to
change them:  pip install openpyxl msoffcrypto-tool xlwt && python3 make_workbooks.py
Rows are fictional (a 子ども食堂/サロン list as a council would keep it).
"""
import datetime
import io
import os

import msoffcrypto
import msoffcrypto.format.ooxml
import openpyxl
import xlwt
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment

HERE = os.path.dirname(os.path.abspath(__file__))


def salons():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(["ID", "名称", "地区", "開始日", "開始時刻", "緯度", "紹介", "受付中", "参加費", "_メモ"])
    rows = [
        ["s01", "ひだまりサロン", "中央", datetime.date(2024, 4, 1), datetime.time(13, 30), 36.395,
         "毎週水曜のお茶会です。\n持ち物: 上履き", True, 100, "鍵は自治会長宅（非公開）"],
        ["s02", "さくら体操", None, datetime.date(2024, 5, 15), datetime.time(10, 0), 36.4012345,
         None, False, 0, None],
        ["s03", "栄町こども食堂", None, datetime.datetime(2025, 1, 18, 17, 0), None, None,
         "月2回", None, None, "冷蔵庫の暗証番号（非公開）"],
        [7, "みなみ囲碁クラブ", "南", None, None, None, "初心者歓迎", None, None, None],
    ]
    for row in rows:
        sheet.append(row)
    # 地区 of s01 covers s02 and s03 too, as councils often merge it.
    sheet.merge_cells("C2:C4")
    sheet["G2"].alignment = Alignment(wrap_text=True)
    sheet["D2"].number_format = "yyyy/m/d"
    sheet["D3"].number_format = 'yyyy"年"m"月"d"日"'
    sheet["D4"].number_format = "yyyy/m/d h:mm"
    sheet["E2"].number_format = "h:mm"
    sheet["E3"].number_format = "hh:mm"
    # Rich text: two runs, one bold, are one value.
    sheet["B5"] = CellRichText([TextBlock(InlineFont(b=True), "みなみ"), "囲碁クラブ"])
    # A formula: openpyxl cannot compute it, so it is stored without a cached value.
    sheet["I5"] = "=I2*2"

    second = book.create_sheet("通いの場 一覧")
    second.append(["名称", "開催日時", "会場"])
    second.append(["いきいき百歳体操", "毎週火曜 10:00〜", "公民館"])
    second.append(["", "", ""])
    second.append(["脳トレ教室", "第2・4木曜", "集会所"])

    hidden = book.create_sheet("選択肢")
    hidden.append(["種別"])
    hidden.append(["サロン"])
    hidden.sheet_state = "hidden"
    book.save(os.path.join(HERE, "salons.xlsx"))


def excel_1904():
    book = openpyxl.Workbook()
    book.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    sheet = book.active
    sheet.append(["名称", "開始日"])
    sheet.append(["サロン", datetime.date(2024, 4, 1)])
    sheet["B2"].number_format = "yyyy-mm-dd"
    book.save(os.path.join(HERE, "dates1904.xlsx"))


def encrypted():
    buffer = io.BytesIO()
    book = openpyxl.Workbook()
    book.active.append(["名称"])
    book.save(buffer)
    buffer.seek(0)
    office = msoffcrypto.format.ooxml.OOXMLFile(buffer)
    with open(os.path.join(HERE, "encrypted.xlsx"), "wb") as out:
        office.encrypt("sasaeai", out)


def legacy_xls():
    book = xlwt.Workbook()
    sheet = book.add_sheet("Sheet1")
    sheet.write(0, 0, "名称")
    sheet.write(1, 0, "サロン")
    book.save(os.path.join(HERE, "legacy.xlsx"))  # an .xls renamed, as people do


def renamed_csv():
    with open(os.path.join(HERE, "renamed-csv.xlsx"), "w", encoding="utf-8-sig", newline="") as out:
        out.write("ID,名称\r\ns01,ひだまりサロン\r\n")


if __name__ == "__main__":
    salons()
    excel_1904()
    encrypted()
    legacy_xls()
    renamed_csv()
