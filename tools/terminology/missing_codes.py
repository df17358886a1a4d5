#!/usr/bin/env python3
"""List the codes that modules use but the terminology catalogs (data/terminology/*.csv) lack.

Usage (from anywhere in the repository):

    python3 tools/terminology/missing_codes.py            # every module under modules/
    python3 tools/terminology/missing_codes.py modules/copd.yaml other.yaml

For each catalog file it prints the rows to append, prefilled with the module's display (the entry's `display:`,
else its `name:`) and placeholders for the other columns, then where each code is used. Check each row in a
terminology browser before adding it: the catalogs hold the official displays (see docs/module-language.md#codes).
The build reports the same codes as SPM0023 at the code; this is the quick way to see them all at once.
Exit status: 0 when nothing is missing, 1 when rows are missing, 2 on a usage error.
Needs PyYAML (python3-yaml).
"""
import csv
import os
import sys

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.exit("missing_codes.py needs PyYAML: apt-get install python3-yaml (or pip install pyyaml)")

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

# System -> (catalog file, columns); keep in step with TerminologyFiles in src/SyntheticPatients.Language.
CATALOGS = {
    "SNOMED-CT": ("snomed.csv", ["code", "display", "semantic_tag"]),
    "ICD-10-CM": ("icd10cm.csv", ["code", "display"]),
    "LOINC": ("loinc.csv", ["code", "display", "ucum_unit", "class"]),
    "RxNorm": ("rxnorm.csv", ["code", "display", "tty"]),
    "CVX": ("cvx.csv", ["code", "display"]),
}
KEY_SYSTEMS = {"snomed": "SNOMED-CT", "icd10": "ICD-10-CM", "loinc": "LOINC", "rxnorm": "RxNorm", "cvx": "CVX"}


def normalize_system(name):
    key = "".join(c for c in str(name).upper() if c.isalnum())
    if key in ("SNOMEDCT", "SNOMED", "SCT", "SNOMEDCTUS", "HTTPSNOMEDINFOSCT"):
        return "SNOMED-CT"
    if key in ("ICD10CM", "ICD10", "HTTPHL7ORGFHIRSIDICD10CM"):
        return "ICD-10-CM"
    if key in ("LOINC", "LN", "HTTPLOINCORG"):
        return "LOINC"
    if key in ("RXNORM", "HTTPWWWNLMNIHGOVRESEARCHUMLSRXNORM"):
        return "RxNorm"
    if key in ("CVX", "HTTPHL7ORGFHIRSIDCVX"):
        return "CVX"
    return None


def load_catalogs():
    known = {}
    for system, (file_name, _) in CATALOGS.items():
        path = os.path.join(ROOT, "data", "terminology", file_name)
        codes = set()
        if os.path.exists(path):
            with open(path, newline="", encoding="utf-8-sig") as handle:
                for i, row in enumerate(csv.reader(handle)):
                    if i > 0 and row:
                        codes.add(row[0].strip())
            known[system] = codes
    return known


def scalar(node):
    return node.value if isinstance(node, yaml.ScalarNode) else None


def walk(node, parent_key, found, path):
    """Collects (system, code, display, units, line) from every mapping that carries codes."""
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            walk(item, parent_key, found, path)
        return
    if not isinstance(node, yaml.MappingNode):
        return
    fields = {}
    for key_node, value_node in node.value:
        key = scalar(key_node)
        if key is not None and key not in fields:
            fields[key] = value_node
    text = {k: scalar(v) for k, v in fields.items()}
    display = text.get("display") or text.get("name") or text.get("care_plan_name")
    units = text.get("units") or text.get("unit")
    for key, system in KEY_SYSTEMS.items():
        if text.get(key):
            found.append((system, text[key].strip(), display, units, path, fields[key].start_mark.line + 1))
    if text.get("code"):
        if "system" in text:
            system = normalize_system(text["system"])
        elif str(text.get("type", text.get("condition_type", ""))).lower() == "observation":
            system = "LOINC"
        elif parent_key in ("procedures", "codes"):
            system = "SNOMED-CT"
        else:
            system = None  # e.g. active_condition by bare code: the system is not written
        if system:
            found.append((system, text["code"].strip(), display, units, path, fields["code"].start_mark.line + 1))
    for key, value in fields.items():
        walk(value, key, found, path)


def module_files(arguments):
    if arguments:
        return [os.path.abspath(a) for a in arguments]
    result = []
    for folder, _, files in os.walk(os.path.join(ROOT, "modules")):
        result.extend(os.path.join(folder, f) for f in files if f.endswith((".yaml", ".yml")))
    return sorted(result)


def csv_field(value):
    if any(c in value for c in ',"') or value != value.strip():
        return '"' + value.replace('"', '""') + '"'
    return value


def main(arguments):
    if any(a in ("-h", "--help") for a in arguments):
        print(__doc__)
        return 0
    known = load_catalogs()
    found = []
    for path in module_files(arguments):
        with open(path, encoding="utf-8") as handle:
            try:
                root = yaml.compose(handle)
            except yaml.YAMLError as error:
                print(f"{os.path.relpath(path, ROOT)}: not valid YAML, skipped ({error.problem})", file=sys.stderr)
                continue
        if root is not None:
            walk(root, None, found, os.path.relpath(path, ROOT))

    missing = {}
    for system, code, display, units, path, line in found:
        if system not in known or (system == "LOINC" and "." in code) or code in known[system]:
            continue
        entry = missing.setdefault(system, {}).setdefault(code, {"display": display, "units": units, "where": []})
        entry["where"].append(f"{path}:{line}")
        entry["display"] = entry["display"] or display
        entry["units"] = entry["units"] or units

    if not missing:
        print(f"Every code of {len(module_files(arguments))} module file(s) is in data/terminology/.")
        return 0
    for system in CATALOGS:
        if system not in missing:
            continue
        file_name, columns = CATALOGS[system]
        rows = missing[system]
        print(f"data/terminology/{file_name}: {len(rows)} code(s) missing; append (columns {','.join(columns)}),"
              " after checking the display and filling the <...> columns:")
        for code, entry in sorted(rows.items()):
            row = [csv_field(code), csv_field(entry["display"]) if entry["display"] else "<display>"]
            for column in columns[2:]:
                row.append(csv_field(entry["units"]) if column == "ucum_unit" and entry["units"] else f"<{column.replace('_', ' ')}>")
            print(",".join(row))
        print("  used at:")
        for code, entry in sorted(rows.items()):
            print(f"    {code}: {', '.join(entry['where'])}")
        print()
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
