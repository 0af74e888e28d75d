#!/usr/bin/python3
"""Classify a customer register against SCB's sector file with pandas.

This is the job as Swedish lenders do it today, written as a careful pandas
user would (vectorised, no Python loop over the rows), for
bench/classify/compare.sh to measure Motpart against:

    classify_pandas.py SEKTOR.TXT KUNDER.CSV UT.CSV [COLUMN]

It reads sektor.txt as Latin-1 tab-separated strings (every column a
string, leading zeros kept), reads the customer CSV (';', UTF-8 with or
without a BOM), normalises the numbers in COLUMN (default
Organisationsnummer): separators dropped, 10 or 12 digits, the Luhn check
on the last ten, "16" before an organisation number, a 10-digit personal
number looked up with "19" and then "20" before it; merges, and writes the
rows with PeOrgNr, sector, legal form, owner category, SNI and a match
status as CSV (';', UTF-8 with a BOM, CRLF), as Motpart does.
"""

import sys
from datetime import date

import numpy as np
import pandas as pd


def luhn_ok(ten):
    """Vectorised Luhn check of a Series of 10-digit strings."""
    d = ten.str.split("", expand=True).iloc[:, 1:11].astype(np.int8).to_numpy()
    w = np.array([2, 1, 2, 1, 2, 1, 2, 1, 2, 1], dtype=np.int8)
    x = d * w
    x = x // 10 + x % 10
    return pd.Series(x.sum(axis=1) % 10 == 0, index=ten.index)


def main():
    sector_path, in_path, out_path = sys.argv[1:4]
    column = sys.argv[4] if len(sys.argv) > 4 else "Organisationsnummer"

    sector = pd.read_csv(sector_path, sep="\t", encoding="iso-8859-1", dtype=str,
                         keep_default_na=False, quoting=3)
    sector = sector.drop_duplicates("PeOrgNr")
    keep = sector[["PeOrgNr", "Sektor, kod", "Sektor", "Juridisk form, kod", "Juridisk form",
                   "Ägarkategori, kod", "Ägarkategori", "Bransch_1, kod"]].set_index("PeOrgNr")

    cust = pd.read_csv(in_path, sep=";", encoding="utf-8-sig", dtype=str, keep_default_na=False)

    raw = cust[column].str.strip()
    digits = raw.str.replace(r"[\s\-+]", "", regex=True)
    shape_ok = digits.str.fullmatch(r"\d{10}|\d{12}")
    ten = digits.where(shape_ok, "0000000000").str[-10:]
    check_ok = shape_ok & luhn_ok(ten)
    prefix = digits.str[:2].where(digits.str.len() == 12, "")
    is_org = ten.str[2:4].astype(int) >= 20
    valid = check_ok & ((prefix == "") | (is_org & (prefix == "16")) | (~is_org & prefix.isin(["19", "20"])))

    pe = pd.Series("", index=cust.index)
    pe = pe.mask(valid & is_org, "16" + ten)
    pe = pe.mask(valid & ~is_org & (prefix != ""), prefix + ten)
    # A 10-digit personal number: "19", then "20".
    bare = valid & ~is_org & (prefix == "")
    pe19, pe20 = "19" + ten, "20" + ten
    pe = pe.mask(bare & pe19.isin(keep.index), pe19)
    pe = pe.mask(bare & (pe == "") & pe20.isin(keep.index), pe20)
    # Not found: the century of someone under 100 (ignoring the day of the year).
    yy = ten.str[:2].astype(int)
    pe = pe.mask(bare & (pe == ""), np.where(yy > date.today().year % 100, "19", "20") + ten)

    found = keep.reindex(pe)
    found.index = cust.index
    hit = pe.isin(keep.index)
    status = np.select([raw == "", ~valid, hit & is_org, hit & ~is_org], ["invalid number", "invalid number", "matched",
                       "sole trader (personal number)"], "not in the sector file")
    layout = ~raw.str.fullmatch(r"[\d\s\-+]*")
    reason = np.select([raw == "", layout, ~shape_ok, ~check_ok, ~valid, ~hit & ~is_org],
                       ["no number", "characters or layout that fit no Swedish number", "wrong number of digits",
                        "the check digit is wrong", "characters or layout that fit no Swedish number",
                        "a personal number that is not a sole trader's"], "")

    out = cust.copy()
    out["PeOrgNr"] = pe.where(valid, "")
    out["Sector code"] = found["Sektor, kod"].fillna("")
    out["Sector"] = found["Sektor"].fillna("")
    out["Legal form code"] = found["Juridisk form, kod"].fillna("")
    out["Legal form"] = found["Juridisk form"].fillna("")
    out["Owner category code"] = found["Ägarkategori, kod"].fillna("")
    out["Owner category"] = found["Ägarkategori"].fillna("")
    out["SNI"] = found["Bransch_1, kod"].fillna("")
    out["Match"] = status
    out["Reason"] = reason
    out.to_csv(out_path, sep=";", index=False, encoding="utf-8-sig", lineterminator="\r\n")

    counts = pd.Series(status).value_counts()
    print(f"{len(out)} rows: " + ", ".join(f"{n} {s}" for s, n in counts.items()))


if __name__ == "__main__":
    main()
