#!/usr/bin/env python3
"""A SARIF report as its golden file holds it: each rule's help, which is its page
docs/rules/<ID>.md compiled in, checked here to be that page and then shown as its name, so
that editing a page does not change every golden SARIF file.

usage: sarif-golden.py SOURCE_DIR <report.sarif >golden.sarif"""
import json
import os
import sys


def main():
    source = sys.argv[1]
    report = json.load(sys.stdin)
    for rule in report["runs"][0]["tool"]["driver"]["rules"]:
        path = os.path.join("docs", "rules", rule["id"] + ".md")
        with open(os.path.join(source, path), encoding="utf-8") as f:
            page = f.read()
        help_ = rule["help"]
        if help_.get("text") != page or help_.get("markdown") != page:
            sys.exit(f"sarif-golden: the help of {rule['id']} is not {path}")
        rule["help"] = {"text": path, "markdown": path}
    json.dump(report, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
