#!/usr/bin/env python3
"""Every format tells the same story: for each case, the findings of the json report are the
text report's finding lines (file:line: level: message [ID]) in the same order, the SARIF
results name the same rules, levels, places and suppressions, and the github annotations are
the findings not suppressed. The summary counts agree with the findings listed.

usage: report-consistency.py MYSIZER CASE_DIR..."""
import json
import os
import re
import subprocess
import sys
import tempfile

SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
GITHUB_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def visible(text):
    """The text as the text format shows it: control characters escaped."""
    out = []
    for ch in text:
        if ch in "\t\n\r":
            out.append({"\t": "\\t", "\n": "\\n", "\r": "\\r"}[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append("\\x%02X" % ord(ch))
        else:
            out.append(ch)
    return "".join(out)


def headline(f):
    at = visible(f["location"]["file"])
    if f["location"]["line"] is not None:
        at += ":%d" % f["location"]["line"]
    return "%s: %s: %s [%s]" % (at, f["level"], visible(f["message"]), f["rule"])


def check(name, base):
    problems = []
    text = open(base + ".text", encoding="utf-8", errors="surrogateescape").read().splitlines()
    report = json.load(open(base + ".json"))
    sarif = json.load(open(base + ".sarif"))
    github = open(base + ".github", encoding="utf-8", errors="surrogateescape").read().splitlines()
    findings = report["findings"]

    lines = [line for line in text if re.search(r"\[MZ[0-9]{4}\]$", line)
             and not line.startswith(" ")]
    wanted = [headline(f) for f in findings]
    if lines != wanted:
        problems.append("text findings %s\n  json findings %s" % (lines, wanted))

    counts = {k: 0 for k in ("error", "warning", "info", "suppressed")}
    for f in findings:
        counts["suppressed" if f["suppression"] else f["level"]] += 1
    counts["skipped"] = len(report["skipped"])
    if counts != report["summary"]:
        problems.append("summary %s, findings count %s" % (report["summary"], counts))

    results = sarif["runs"][0]["results"]
    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    if len(results) != len(findings):
        problems.append("%d SARIF results for %d findings" % (len(results), len(findings)))
    for f, r in zip(findings, results):
        place = r["locations"][0]["physicalLocation"]
        line = place.get("region", {}).get("startLine")
        if (r["ruleId"] != f["rule"] or rules[r["ruleIndex"]]["id"] != f["rule"]
                or r["level"] != SARIF_LEVEL[f["level"]] or line != f["location"]["line"]
                or bool(r.get("suppressions")) != bool(f["suppression"])
                or len(r.get("relatedLocations", [])) != len(f["related"])):
            problems.append("SARIF result %s differs from finding %s" % (r, headline(f)))
    fingerprints = [r["partialFingerprints"]["mysizerFinding/v1"] for r in results]
    if len(set(fingerprints)) != len(fingerprints):
        problems.append("SARIF fingerprints repeat: %s" % fingerprints)

    annotations = [line for line in github if line.startswith("::")]
    shown = [f for f in findings if not f["suppression"]]
    if len(annotations) != len(shown):
        problems.append("%d annotations for %d findings" % (len(annotations), len(shown)))
    for f, a in zip(shown, annotations):
        if not a.startswith("::%s file=" % GITHUB_COMMAND[f["level"]]) or \
                ",title=%s " % f["rule"] not in a:
            problems.append("annotation %s differs from finding %s" % (a, headline(f)))
    return ["%s: %s" % (name, p) for p in problems]


def main():
    mysizer, cases = sys.argv[1], sys.argv[2:]
    here = os.path.dirname(os.path.abspath(__file__))
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([os.path.join(here, "render-reports.sh"), mysizer, out] + cases,
                       check=True)
        problems = []
        for case in cases:
            name = os.path.basename(case.rstrip("/"))
            problems += check(name, os.path.join(out, name))
    for p in problems:
        print(p)
    print("%d cases, %d disagreements" % (len(cases), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
