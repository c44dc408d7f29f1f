#!/usr/bin/env python3
"""Every page docs/rules/<ID>.md has the sections a rule's page has, in their order, and its
examples are the rule's golden cases, verbatim: every section that starts "From
`testdata/rules/<case>/`" shows the case's files and its expected output. This checks that
they still are, and with --update rewrites the examples from the cases.

usage: rule-docs.py SOURCE_DIR [--update]
"""
import os
import re
import sys

SECTION = re.compile(r"From `testdata/rules/([^`/]+)/`")
LABEL = re.compile(r"^`([^`]+)`:$")
STATUS = re.compile(r"exits with status (\d+):$")


def read(path):
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        return f.read()


def fenced(lines, i):
    """The fenced block that starts at line i: (its text, the index after it)."""
    body = []
    i += 1
    while lines[i] != "```":
        body.append(lines[i])
        i += 1
    return "\n".join(body) + "\n", i + 1


SECTIONS = ["What it checks", "Why it matters", "Example that fires", "Example that stays quiet",
            "How to fix", "How to suppress", "References"]


def check_sections(lines):
    """The required sections that are missing or out of order."""
    headings = [line[3:] for line in lines if line.startswith("## ")]
    present = [h for h in headings if h in SECTIONS]
    missing = [h for h in SECTIONS if h not in present]
    if missing:
        return ["has no section " + ", ".join(f"'## {h}'" for h in missing)]
    if present != SECTIONS:
        return ["has its sections in another order than " + ", ".join(SECTIONS)]
    return []


def check_page(source, page, update):
    lines = read(page).split("\n")
    problems = check_sections(lines)
    case_dir = None
    i = 0
    while i < len(lines):
        line = lines[i]
        m = SECTION.search(line)
        if m:
            case_dir = os.path.join(source, "testdata", "rules", m[1])
            if not os.path.isdir(case_dir):
                problems.append(f"names a case that does not exist: {m[1]}")
                case_dir = None
        elif line.startswith("## "):
            case_dir = None
        label = LABEL.match(line) if case_dir else None
        status = STATUS.search(line) if case_dir else None
        fence = i + 1
        while fence < len(lines) and not lines[fence].strip():
            fence += 1
        if (label or status) and fence < len(lines) and lines[fence].startswith("```"):
            name = label[1] if label else "expected.out"
            path = os.path.join(case_dir, name)
            if label and not os.path.isfile(path):
                i += 1  # a command, not a file of the case
                continue
            shown, end = fenced(lines, fence)
            want = read(path)
            if status:
                rc = read(os.path.join(case_dir, "expected.rc")).strip()
                if status[1] != rc:
                    problems.append(f"{os.path.basename(case_dir)}: says status {status[1]}, "
                                    f"expected.rc has {rc}")
                    if update:
                        lines[i] = line[:status.start(1)] + rc + line[status.end(1):]
            if shown != want:
                problems.append(f"{os.path.basename(case_dir)}: {name} differs from the case")
                if update:
                    lines[fence + 1:end - 1] = want[:-1].split("\n") if want.endswith("\n") \
                        else want.split("\n")
                    continue
            i = end
            continue
        i += 1
    if update:
        with open(page, "w", encoding="utf-8", errors="surrogateescape") as f:
            f.write("\n".join(lines))
    return problems


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    source, update = sys.argv[1], "--update" in sys.argv[2:]
    docs = os.path.join(source, "docs", "rules")
    failed = 0
    checked = 0
    for name in sorted(os.listdir(docs)):
        if not name.endswith(".md"):
            continue
        checked += 1
        for problem in check_page(source, os.path.join(docs, name), update):
            print(f"docs/rules/{name}: {problem}")
            failed += not update
    print(f"checked the examples of {checked} rule pages: {failed} out of date")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
