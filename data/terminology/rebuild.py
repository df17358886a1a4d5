#!/usr/bin/env python3
"""Rebuilds data/terminology/cvx.csv from the CDC's CVX table and reports, for every catalog, the codes that modules use
but the catalog lacks. Standard library only. See data/terminology/README.md for the sources, their dates and licences.

  python3 data/terminology/rebuild.py --cvx <cvx.txt | tx_db.sql> [--modules DIR ...] [--check]

--cvx     the CDC table: the official download (cvx.txt, '|'-separated: code|short description|full name|note|status|
          nonvaccine|last updated) or an SQL dump of it holding INSERT INTO [cvx] rows (HealthIntersections/fhirserver).
--modules folders of module YAML whose codes are reported when a catalog lacks them (default: modules/).
--check   write nothing; exit 1 when cvx.csv differs from what the source gives.
"""
import argparse
import csv
import io
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

# The YAML keys modules write codes under, and the catalog each system is checked against.
CATALOGS = {"snomed": "snomed.csv", "icd10": "icd10cm.csv", "loinc": "loinc.csv", "rxnorm": "rxnorm.csv", "cvx": "cvx.csv"}
CODE_KEY = re.compile(r'^\s*-?\s*(snomed|icd10|loinc|rxnorm|cvx)\s*:\s*["\']?([A-Za-z0-9.\-]+)["\']?\s*(?:#.*)?$')


def read_cdc_table(path):
    """{code: short description} from the CDC CVX table, in either of its two forms."""
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    rows = {}
    if "INSERT INTO [cvx]" in text:
        value = r"'((?:[^']|'')*)'"
        pattern = re.compile(r"INSERT INTO \[cvx\] \([^)]*\) VALUES \(" + value + "," + value)
        for match in pattern.finditer(text):
            rows[match.group(1).strip()] = match.group(2).replace("''", "'").strip()
    else:
        for line in text.splitlines():
            fields = [field.strip() for field in line.split("|")]
            if len(fields) >= 2 and fields[0].isdigit():
                rows[fields[0]] = fields[1]
    if not rows:
        sys.exit(f"{path}: no CVX rows found")
    return rows


def read_catalog(name):
    with open(os.path.join(HERE, name), encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def cvx_text(source_rows, current_rows):
    """Every CDC code with its short description; rows of the current file whose code the source lacks (codes newer
    than the source) are kept as they are and listed on stderr, and a current display that differs from the source's
    only in case is kept."""
    header, body = current_rows[0], current_rows[1:]
    merged = dict(source_rows)
    for row in body:
        if row[0] not in source_rows:
            print(f"cvx.csv: {row[0]} ({row[1]}) is not in the source table; kept as it is", file=sys.stderr)
            merged[row[0]] = row[1]
        elif row[1].casefold() == source_rows[row[0]].casefold():
            merged[row[0]] = row[1]  # the same text: keep the capitalisation the library's records use
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for code in sorted(merged, key=lambda c: (int(c), c)):
        writer.writerow([code, merged[code]])
    return out.getvalue()


def used_codes(folders):
    """(system key, code) -> first 'file:line' where a module uses it."""
    used = {}
    for folder in folders:
        for root, _, files in os.walk(folder):
            for name in sorted(files):
                if not name.endswith((".yaml", ".yml")):
                    continue
                path = os.path.join(root, name)
                with open(path, encoding="utf-8") as f:
                    for number, line in enumerate(f, 1):
                        match = CODE_KEY.match(line)
                        if match:
                            used.setdefault((match.group(1), match.group(2)), f"{os.path.relpath(path, REPO)}:{number}")
    return used


def report_missing(folders):
    known = {key: {row[0] for row in read_catalog(name)[1:]} for key, name in CATALOGS.items()}
    # Local LOINC-style codes (EVE.ASTHMA) are not looked up, as the compiler does not look them up.
    local = lambda key, code: key == "loinc" and "." in code
    missing = [(key, code, where) for (key, code), where in sorted(used_codes(folders).items()) if code not in known[key] and not local(key, code)]
    for key, code, where in missing:
        print(f"not in {CATALOGS[key]}: {code}  (first used at {where})")
    print(f"{len(missing)} codes used by modules are not in the catalogs")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cvx", help="the CDC CVX table (cvx.txt or an SQL dump holding it)")
    parser.add_argument("--modules", nargs="*", default=[os.path.join(REPO, "modules")])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if args.cvx:
        text = cvx_text(read_cdc_table(args.cvx), read_catalog("cvx.csv"))
        target = os.path.join(HERE, "cvx.csv")
        with open(target, encoding="utf-8", newline="") as f:
            same = f.read() == text
        if args.check:
            print("cvx.csv is up to date" if same else "cvx.csv differs from the source")
            if not same:
                sys.exit(1)
        elif not same:
            with open(target, "w", encoding="utf-8", newline="") as f:
                f.write(text)
            print(f"cvx.csv: {text.count(chr(10)) - 1} rows written")
    report_missing(args.modules)


if __name__ == "__main__":
    main()
