#!/usr/bin/env python3
"""The JSON Schema of the deployment file (docs/schema/) against the reader: every deployment
and application file in the test cases and examples that mysizer reads must be valid, and
every one it refuses as malformed must be invalid, unless the case's schema-valid file says
why the schema cannot tell. Besides, the schema and docs/deployment.md must name every pool
setting of the table in src/pool-library.c, and no other.

usage: deploy-schema.py SOURCE_DIR
"""
import glob
import json
import os
import re
import sys

try:
    import jsonschema
except ImportError:
    print("skipped: python3-jsonschema is not installed")
    sys.exit(77)


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def main():
    source = sys.argv[1]
    schemas = os.path.join(source, "docs", "schema")
    deployment = load(os.path.join(schemas, "deployment-1.json"))
    jsonschema.Draft202012Validator.check_schema(deployment)
    # app-1.json is the deployment schema's app file, for editors; checked here through it.
    app_file = load(os.path.join(schemas, "app-1.json"))
    if app_file.get("$ref") != "deployment-1.json#/$defs/appFile":
        sys.exit("docs/schema/app-1.json does not refer to deployment-1.json#/$defs/appFile")
    app = {"$schema": deployment["$schema"], "$ref": "#/$defs/appFile",
           "$defs": deployment["$defs"]}

    def errors(path, schema):
        try:
            document = load(path)
        except (ValueError, UnicodeDecodeError) as e:
            return [f"not JSON: {e}"]
        validator = jsonschema.Draft202012Validator(schema)
        return [e.message for e in validator.iter_errors(document)]

    # (file, schema, should be valid, why)
    checks = []
    for args_path in sorted(glob.glob(os.path.join(source, "testdata", "*", "*", "args"))):
        case = os.path.dirname(args_path)
        with open(args_path, encoding="utf-8") as f:
            args = f.read().split()
        rc_path = os.path.join(case, "expected.rc")
        refused = os.path.exists(rc_path) and open(rc_path).read().strip() == "2"
        excuse = os.path.join(case, "schema-valid")
        valid = not refused or os.path.exists(excuse)
        for flag, schema in (("--deploy", deployment), ("--app", app)):
            for i, arg in enumerate(args[:-1]):
                path = os.path.join(case, args[i + 1])
                if arg == flag and os.path.isfile(path):
                    checks.append((path, schema, valid))
    for path in glob.glob(os.path.join(source, "docs", "examples", "**", "*.json"), recursive=True):
        checks.append((path, deployment if os.path.basename(path) == "deploy.json" else app, True))

    failed = 0
    table = re.findall(r'P\((\w+), "(\w+)"', open(os.path.join(source, "src", "pool-library.c")).read())
    docs = open(os.path.join(source, "docs", "deployment.md"), encoding="utf-8").read()
    in_schema = {}
    for rule in deployment["$defs"]["app"]["allOf"]:
        library = rule["if"]["properties"]["library"].get("const")
        if library:
            keys = rule["then"]["properties"]["pool"]["properties"]
            in_schema[library] = {k for k in keys if "-" not in k and "." not in k}
    in_table = {}
    for library, key in table:
        in_table.setdefault(library.lower(), set()).add(key)
        if f"| `{key}` |" not in docs:
            print(f"docs/deployment.md: no row for {library.lower()}'s '{key}'")
            failed += 1
    if in_schema != in_table:
        print(f"the schema's pool settings {in_schema} are not the table's {in_table}")
        failed += 1
    for path, schema, valid in checks:
        found = errors(path, schema)
        name = os.path.relpath(path, source)
        if valid and found:
            print(f"{name}: mysizer reads it, the schema refuses it: {found[0]}")
            failed += 1
        elif not valid and not found:
            print(f"{name}: mysizer refuses it, the schema accepts it")
            failed += 1
    print(f"checked {len(checks)} files against the schema: {failed} disagree")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
