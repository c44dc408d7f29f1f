#!/usr/bin/env python3
"""Generates src/catalog-data.c, the catalog of every target, from the tables in
catalog/sources (see catalog/sources/README.md for where each comes from).

    generate.py [-o FILE]              writes the C file (default: src/catalog-data.c)
    generate.py --list FLAG TARGET     prints the names of TARGET's rows that carry FLAG
                                       (host, autosized, ...), one per line
    generate.py --summary              prints row and flag counts per target

Standard library only; the output depends on nothing but the sources.
"""

import argparse
import csv
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCES = os.path.join(HERE, "sources")
DEFAULT_OUTPUT = os.path.join(HERE, os.pardir, "src", "catalog-data.c")

# name, server_version, flavour, base table, base release, delta table (None for a base).
# The version is what removed-options.tsv rows are compared with; for the targets built from a
# delta it is the first release of the series, the one a removal "in 8.4.0" reaches.
TARGETS = [
    ("mysql-5.7", "5.7.32", "mysql", "mysql-5.7.32.tsv", "5.7.32", None),
    ("mysql-8.0", "8.0.41", "mysql", "mysql-8.0.41.tsv", "8.0.41", None),
    ("mysql-8.4", "8.4", "mysql", "mysql-8.0.41.tsv", "8.0.41", "mysql-8.4.delta.tsv"),
    ("mariadb-10.6", "10.6", "mariadb", "mariadb-10.11.19.tsv", "10.11.19",
     "mariadb-10.6.delta.tsv"),
    ("mariadb-10.11", "10.11.19", "mariadb", "mariadb-10.11.19.tsv", "10.11.19", None),
    ("mariadb-11.4", "11.4", "mariadb", "mariadb-10.11.19.tsv", "10.11.19",
     "mariadb-11.4.delta.tsv"),
]

# The MariaDB release the two captures (--help and the running server) were taken from.
MARIADB_CAPTURED = "10.11.19"

TYPES = {
    "bool": "BOOL", "int": "INT", "uint": "UINT", "long": "LONG", "longlong": "LONG",
    "ulong": "ULONG", "ulonglong": "ULONG", "double": "DOUBLE", "enum": "ENUM", "set": "SET",
    "flagset": "FLAGSET", "charptr": "STRING", "string": "STRING", "numeric": "NUMERIC",
    # A flag with no storage at all (--ansi). Not BOOL: my_getopt takes a value for a boolean
    # even when it is declared without an argument, and refuses one here. Its arg is NONE,
    # so no value ever reaches a parser; a bare key reads as the empty string.
    "noarg": "STRING",
}
SIGNED = {"INT", "LONG"}

ARGS = {
    "REQUIRED": "REQUIRED", "REQUIRED_ARG": "REQUIRED", "OPTIONAL": "OPTIONAL",
    "OPT_ARG": "OPTIONAL", "NONE": "NONE", "NO_ARG": "NONE",
}

# Output order of the flag bits, with their C names.
FLAGS = ["OPTION", "SYSVAR", "READ_ONLY", "DEPRECATED", "UNVERIFIED", "AUTOSIZED", "HOST",
         "PLUGIN", "SESSION", "IGNORED", "LIST", "EARLY", "REWRITTEN"]

# Names whose value depends on the host: its name, its CPUs, memory and file systems, the
# installation's paths and the build's version strings. Value-based rules add MariaDB rows
# whose captured value is a path or names the host (see host_by_value).
HOST_NAMES = {
    # identity
    "hostname", "server_uuid", "server_uid", "wsrep_node_name", "log_basename",
    # paths
    "basedir", "datadir", "tmpdir", "slave_load_tmpdir", "replica_load_tmpdir", "socket",
    "mysqlx_socket", "pid_file", "plugin_dir", "character_sets_dir", "lc_messages_dir",
    "general_log_file", "slow_query_log_file", "log_slow_query_file", "log_error",
    "log_bin_basename", "log_bin_index", "relay_log_basename", "relay_log_index",
    "innodb_data_home_dir", "innodb_log_group_home_dir", "innodb_undo_directory",
    "innodb_tmpdir", "aria_log_dir_path", "wsrep_data_home_dir", "secure_file_priv",
    # build and system
    "version", "version_comment", "version_compile_machine", "version_compile_os",
    "version_compile_zlib", "version_malloc_library", "version_source_revision",
    "version_ssl_library", "wsrep_patch_version", "build_id", "system_time_zone",
    "lower_case_file_system", "large_page_size",
    # the server asks for descriptors and gets what the host's limit allows
    "open_files_limit",
}
# MariaDB only: the CPU count, the fd limit and the redo log's file system decide these.
# Measured: with the datadir on tmpfs, 10.11.19 maps the redo log into memory and then shows
# innodb_log_file_mmap=ON, innodb_log_write_ahead_size=512 and innodb_log_buffer_size equal
# to the log file size; on ext4 OFF, 4096 and 16777216.
MARIADB_HOST_NAMES = {
    "innodb_log_file_mmap": "depends on the file system of the redo log",
    "innodb_log_write_ahead_size": "depends on the file system of the redo log",
    "innodb_log_buffer_size": "a running server shows the log file size instead when the "
                              "redo log is memory-mapped (datadir on tmpfs or pmem)",
}
# MariaDB only: computed at startup from the file-descriptor limit, the CPUs and
# max_connections, which is what mysizer's startup model (src/startup.c) does. Their default is
# the compiled one, the model's input; --help shows what this host's limits made of it.
MARIADB_STARTUP = {
    "table_open_cache_instances": "reduced at startup to fit the file-descriptor limit",
    "open_files_limit": "the descriptors the server gets at startup",
    "thread_cache_size": "at most max_connections",
    "thread_pool_size": "the number of CPUs",
    "host_cache_size": "computed from max_connections when not set",
    "back_log": "computed from max_connections when not set",
}
# MariaDB only, measured: options an option file may set although information_schema gives
# them no command-line argument (the server defines the option apart from the variable).
# --help lists further variables that are no option (lower_case_file_system, version_*).
MARIADB_FILE_OPTIONS = {
    "autocommit", "character_set_filesystem", "character_set_server", "collation_server",
    "default_storage_engine", "default_tmp_storage_engine", "enforce_storage_engine",
    "gtid_pos_auto_engines", "lc_messages", "lc_time_names", "log_bin_index",
    "relay_log_index", "slave_parallel_mode", "version", "replicate_do_db",
    "replicate_ignore_db", "replicate_do_table", "replicate_ignore_table",
    "replicate_rewrite_db", "replicate_wild_do_table", "replicate_wild_ignore_table",
}
# MariaDB only, measured on a running server: a value set in the file is shown in the
# server's own spelling (innodb -> InnoDB, utf8 -> utf8mb3), which --help does not show.
MARIADB_REWRITTEN = {
    "character_set_filesystem", "character_set_server", "collation_server",
    "default_storage_engine", "default_tmp_storage_engine", "enforce_storage_engine",
}
# Options whose occurrences add up instead of the last one winning (both flavours).
LIST_OPTIONS = {
    "binlog_do_db", "binlog_ignore_db", "replicate_do_db", "replicate_ignore_db",
    "replicate_do_table", "replicate_ignore_table", "replicate_rewrite_db",
    "replicate_wild_do_table", "replicate_wild_ignore_table", "plugin_load_add",
    "performance_schema_instrument",
}
# MariaDB only, measured: not autosized, whatever the information_schema notes say
# (--help keeps 400 with table_open_cache=4000).
MARIADB_FIXED = {"table_definition_cache"}
# MariaDB only: computed at startup whatever the options say.
MARIADB_COMPUTED = {
    "server_uid": "computed at startup from the host's hardware address and the port",
}
# MariaDB only, measured: the captures run mariadbd as root, and --help run as root leaves
# Aria's values unset; run as any other user (or with --user=USER) it shows the running
# server's values.
MARIADB_NOTES = {
    "aria_checkpoint_interval": "--help run as another user shows 30",
    "aria_recover_options": "--help run as another user shows BACKUP,QUICK",
}
# Notes of the MySQL tables that say the default is computed from the host or the build.
HOST_NOTE = re.compile(r"host name|host_name|from OS|first start|version string|"
                       r"build platform|build comment|computed at build|build-dependent|"
                       r"bundled zlib|MYSQL_DATADIR|limited by OS|the data directory")

# The options catalog/mariadb-live.sh gives its server: a difference they cause between
# --help and the running server says nothing about defaults.
CAPTURE_OPTIONS = {"bind_address", "datadir", "socket", "port", "pid_file"}


def die(message):
    sys.exit("generate.py: " + message)


def read_tsv(name):
    """The rows of a source table as dicts keyed by its header."""
    path = os.path.join(SOURCES, name)
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        rows = []
        for line, fields in enumerate(reader, 2):
            if len(fields) != len(header):
                die(f"{name}:{line}: {len(fields)} fields, expected {len(header)}")
            rows.append(dict(zip(header, fields)))
    return rows


def unescape_batch(value):
    """A value as mysql -B prints it, back to its bytes."""
    return re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n", "0": "\0"}.get(m[1], m[1]),
                  value)


def read_capture(name):
    """name -> value of a capture taken by mariadb-live.sh."""
    values = {}
    for row in read_tsv(name):
        if row["name"] in values:
            die(f"{name}: {row['name']} twice")
        values[row["name"]] = unescape_batch(row["value"])
    return values


def version_key(text):
    return tuple(int(part) for part in text.split("."))


def is_number(text):
    return re.fullmatch(r"-?\d+(\.\d+)?([eE][-+]?\d+)?", text or "") is not None


def same_value(a, b, vartype):
    """Whether two printed values are the same value: doubles compare as numbers, since
    --help prints 10 where a running server prints 10.000000."""
    if vartype == "DOUBLE" and is_number(a) and is_number(b):
        return float(a) == float(b)
    return a == b


def double_as_help(text):
    """A double as SHOW GLOBAL VARIABLES prints it (printf %.6f); --help prints %g."""
    return "%.6f" % float(text) if is_number(text) else text


def quote(value):
    return "''" if value == "" else value


def disagreement(vartype, compiled, shown, running):
    """A note naming what information_schema's DEFAULT_VALUE, --help and a running server
    show, leaving out the ones given as None."""
    views = [(what, value) for what, value in (
        ("information_schema gives DEFAULT_VALUE", compiled), ("--help shows", shown),
        ("a running server shows", running)) if value is not None]
    if vartype == "FLAGSET":
        # Long name=on|off lists: say which names one of them lacks.
        full = max(views, key=lambda view: len(view[1]))[1]
        names = dict(item.split("=", 1) for item in full.split(",") if "=" in item)
        short = [(what, value) for what, value in views if value != full]
        if len(short) == 1 and short[0][1]:
            have = dict(item.split("=", 1) for item in short[0][1].split(",") if "=" in item)
            if all(names.get(k) == v for k, v in have.items()):
                missing = ",".join(f"{k}={v}" for k, v in names.items() if k not in have)
                who = {"--help shows": "--help",
                       "a running server shows": "a running server",
                       "information_schema gives DEFAULT_VALUE":
                           "information_schema's DEFAULT_VALUE"}
                others = " and ".join(who[w] for w, v in views if v == full)
                return f"{short[0][0]} the list without {missing}; {others} have them"
    return "; ".join(f"{what} {quote(value)}" for what, value in views)


class Row:
    """One struct mz_var in the making."""

    def __init__(self, name):
        self.name = name
        self.type = "STRING"
        self.arg = "REQUIRED"
        self.flags = set()
        self.default = None
        self.min = self.max = 0
        self.block = 1
        self.real_min = self.real_max = 0.0
        self.values = None
        self.notes = []
        self.source = ""

    def copy(self):
        row = Row(self.name)
        row.__dict__.update(self.__dict__)
        row.flags = set(self.flags)
        row.notes = list(self.notes)
        return row

    def note(self, text):
        if text and text not in self.notes:
            self.notes.append(text)


def tsv_notes(text):
    """The notes of a catalog row without its arg: token, split at '; '."""
    notes = []
    for part in text.split(";"):
        part = part.strip()
        if not part or part.startswith("arg:"):
            continue
        if part == "--help shows":
            part = "--help shows ''"
        notes.append(part)
    return notes


def parse_bound(text, name):
    """A min, max or block column as a Python int (negative for signed minimums)."""
    if text == "":
        return 0
    if not re.fullmatch(r"-?\d+", text):
        die(f"{name}: {text!r} is not an integer")
    value = int(text)
    if not -(1 << 63) <= value < (1 << 64):
        die(f"{name}: {value} does not fit in 64 bits")
    return value


def base_row(tsv, flavour):
    """A catalog table row turned into a Row, with the rules every target shares."""
    name = tsv["name"]
    row = Row(name)
    if name in LIST_OPTIONS:
        row.flags.add("LIST")
        row.note("each occurrence adds to the list; none replaces another")
    kind_type = tsv["type"]
    if kind_type not in TYPES:
        die(f"{name}: unknown type {kind_type!r}")
    row.type = TYPES[kind_type]

    notes_text = tsv["notes"]
    arg = re.search(r"\barg:([A-Z_]+)", notes_text)
    if arg:
        if arg[1] not in ARGS:
            die(f"{name}: unknown arg:{arg[1]}")
        row.arg = ARGS[arg[1]]
    else:
        row.arg = "OPTIONAL" if row.type == "BOOL" else "REQUIRED"

    kind = tsv["kind"]
    if kind not in ("both", "sysvar", "option"):
        die(f"{name}: unknown kind {kind!r}")
    if kind in ("both", "option") and tsv["cmdline"] == "Y":
        row.flags.add("OPTION")
    if kind in ("both", "sysvar"):
        row.flags.add("SYSVAR")
    if tsv["scope"] in ("session", "both"):
        row.flags.add("SESSION")
    if tsv["read_only"] == "Y":
        row.flags.add("READ_ONLY")
    if re.search(r"\bdeprecated\b", notes_text, re.I):
        row.flags.add("DEPRECATED")
    if "not loaded by default" in notes_text or "loadable" in notes_text:
        row.flags.add("PLUGIN")
    if "autosized" in notes_text:
        row.flags.add("AUTOSIZED")
    if name in HOST_NAMES or HOST_NOTE.search(notes_text):
        row.flags.add("HOST")

    row.default = tsv_default(tsv, row.type)
    if row.type == "DOUBLE" and flavour == "mariadb" and row.default:
        row.default = double_as_help(row.default)

    if row.type == "DOUBLE":
        # A double's range goes to real_min/real_max; min/max/block are for integers.
        row.real_min = float(tsv["min"] or 0)
        row.real_max = float(tsv["max"] or 0)
    else:
        row.min = parse_bound(tsv["min"], name)
        row.max = parse_bound(tsv["max"], name)
        row.block = parse_bound(tsv["block_size"], name) or 1
    row.values = tsv["enum_values"] or None
    for part in tsv_notes(notes_text):
        row.note(part)
    if kind_type == "noarg":
        row.default = None
        row.note("a flag: takes no value")
    # The package version already names the Debian release.
    row.source = tsv["source"].replace("(Debian 12 package ", "(Debian ")
    return row


def tsv_default(tsv, vartype):
    """The default column as SHOW GLOBAL VARIABLES would print it, or None."""
    text = tsv["default"]
    if re.search(r"\bdefault NULL\b|\bno default\b", tsv["notes"]):
        return None
    if text == "" and vartype not in ("STRING", "SET", "FLAGSET"):
        return None
    return text


def mariadb_captured(rows, table, help_values, live_values):
    """MariaDB 10.11: defaults from the --help capture, and what the two captures and
    information_schema say about values the server computes at startup."""
    tsv_by_name = {t["name"]: t for t in table}
    for name, row in rows.items():
        tsv = tsv_by_name[name]
        compiled = tsv["default"]  # information_schema DEFAULT_VALUE ('' when NULL)
        shown = help_values.get(name)
        running = live_values.get(name)
        if shown is not None:
            row.default = double_as_help(shown) if row.type == "DOUBLE" else shown
            if "--help" not in row.source:
                row.source += "; default: mariadbd --help --verbose"
            # The TSV's own "--help shows" notes say what the notes below say in full.
            row.notes = [n for n in row.notes if not n.startswith("--help shows")]
        elif running is not None:
            # Not an option, so not in --help: the running server says it best.
            row.default = double_as_help(running) if row.type == "DOUBLE" else running
            row.source += "; default: SHOW GLOBAL VARIABLES"

        by_capture = name in CAPTURE_OPTIONS or any(
            mark in (running or "") for mark in ("{run}", "{port}"))
        from_is = "SYSTEM_VARIABLES" in tsv["source"] and compiled != "" and \
            "computed:" not in tsv["notes"]
        # Three views of the value a server without options ends up with: the compiled
        # default (information_schema), --help, and a running server. Where they disagree
        # the server computes the value at startup; one note names them all.
        seen = shown if shown is not None else running
        differs_compiled = from_is and seen is not None and \
            not same_value(seen, compiled, row.type)
        differs_running = shown is not None and running is not None and \
            not by_capture and not same_value(shown, running, row.type)
        if differs_compiled or differs_running:
            row.flags.add("AUTOSIZED")
            row.note(disagreement(row.type, compiled if differs_compiled else None, shown,
                                  running if differs_running or shown is None else None))
        elif shown is not None and running is not None and shown != running and \
                not by_capture:
            row.note(f"--help shows {shown}; a running server shows {running} "
                     "(the same number)")
        if row.default is not None and "default NULL" in row.notes:
            row.notes[row.notes.index("default NULL")] = \
                "information_schema gives no DEFAULT_VALUE"

        if host_by_value(shown) or host_by_value(running):
            row.flags.add("HOST")
        if name in MARIADB_HOST_NAMES:
            row.flags.add("HOST")
            row.note(MARIADB_HOST_NAMES[name])
        if name in MARIADB_NOTES:
            row.note(MARIADB_NOTES[name])
        if name in MARIADB_FILE_OPTIONS:
            row.flags.add("OPTION")
            if row.type in ("ENUM", "SET") and not row.values:
                row.type = "STRING"  # a name the server checks at startup, not a choice
            row.note("an option although information_schema gives no command-line argument")
        if name in MARIADB_REWRITTEN:
            row.flags.add("REWRITTEN")
            row.note("the server shows a set value in its own spelling (innodb: InnoDB)")
        if name in MARIADB_STARTUP:
            row.default = compiled
            row.flags.discard("HOST")
            row.flags.add("AUTOSIZED")
            row.note("startup: " + MARIADB_STARTUP[name])
        if name in MARIADB_FIXED:
            row.flags.discard("AUTOSIZED")
            row.notes = [n for n in row.notes if not n.startswith("autosized")]
            row.note("not autosized: --help keeps 400 with table_open_cache=4000")
        if name in MARIADB_COMPUTED:
            row.flags.update({"HOST", "AUTOSIZED"})
            row.default = None  # the captures hold {uid} in its place
            row.note(MARIADB_COMPUTED[name])
        if "{host}" in (row.default or ""):
            row.note("{host} stands for the host name")

        # The types of the rows taken from --help are guesses, and 'bool' there covers true
        # flags too. --help's value table lists every boolean and leaves the flags out; and
        # only flags refuse a value (my_getopt takes one for a boolean even when it is
        # declared without an argument). So a flag gets the type of MySQL's flags.
        if row.type == "BOOL" and tsv["kind"] == "option" and row.arg == "NONE" and \
                shown is None and "PLUGIN" not in row.flags:
            row.type = "STRING"
            row.values = None
            row.note("a flag: takes no value (not in the value table of --help)")


def mariadb_placeholders(rows):
    """Options MariaDB keeps only so that old files still start: it takes any value, warns
    and does nothing (measured: each name set to 1 in [mysqld], --help exits 0)."""
    for tsv in read_tsv(f"mariadb-{MARIADB_CAPTURED}.placeholders.tsv"):
        # Some are still shown as variables, with a value no option changes.
        row = rows.get(tsv["name"]) or Row(tsv["name"])
        if tsv["name"] not in rows:
            row.arg = "OPTIONAL"
        row.flags |= {"OPTION", "DEPRECATED", "IGNORED"}
        row.note(f"ignored; the server warns: {tsv['server_says']}")
        row.source = row.source or (f"MariaDB {MARIADB_CAPTURED} (Debian) mariadbd --help "
                                    f"--verbose with {tsv['name']}=1: accepted with a warning")
        rows[row.name] = row


def mariadb_early(rows):
    """The options mariadbd parses in its early pass, before and apart from the others
    (measured on 10.11.19: a prefix unique among them is taken silently)."""
    with open(os.path.join(SOURCES, f"mariadb-{MARIADB_CAPTURED}.early.txt")) as f:
        for name in (line.strip() for line in f):
            if not name or name.startswith("#"):
                continue
            if name not in rows:
                die(f"early option {name} is not in the catalog")
            rows[name].flags.add("EARLY")


def host_by_value(value):
    """A captured value that is a path or names the host."""
    return value is not None and (value.startswith("/") or "{host}" in value or
                                  "{run}" in value)


def plain_value(text):
    """The value a delta's 'new' column gives, or None when it gives a rule instead:
    '67108864', 'OFF (plugin ...)' and '(empty)' are values, '2 * innodb_io_capacity' is not."""
    if text == "(empty)":
        return ""
    m = re.fullmatch(r"([A-Za-z0-9_.,=+-]+)( \(.*\))?", text)
    return m[1] if m else None


def split_source(text):
    """A delta's source: the address, and any remark in parentheses after it."""
    m = re.fullmatch(r"(.*?) \((.*)\)", text)
    return (m[1], m[2]) if m else (text, None)


def apply_delta(rows, delta_name, target, series, base_release):
    """A target built from a base table and a delta: every row keeps the base's facts and
    says so, unless a delta row changes them."""
    inherited = f"inherited from {base_release}, unconfirmed for {series}"
    base_default = {name: row.default for name, row in rows.items()}
    for row in rows.values():
        row.flags.add("UNVERIFIED")
        row.note(inherited)
    changes = []
    delta = read_tsv(delta_name)
    default_changes = {d["name"] for d in delta if d["change"] == "default_changed"}
    for d in delta:
        name, change, new = d["name"], d["change"], d["new"]
        where, remark = split_source(d["source"])
        confirmed = d["verified"] == "Y"
        said = f"{where}" + ("" if confirmed else ", unconfirmed")
        if remark:
            said += f"; {remark}"
        row = rows.get(name)
        if change == "removed":
            if row is None:
                changes.append(f"{target}: removed {name}: not in the base table")
            elif confirmed:
                del rows[name]
            else:
                # A removal nobody could confirm must not make the linter call the name
                # fatal: the row stays, and says what was reported.
                row.note(f"reported as not in {series} ({said})"
                         + (f": {new}" if new else ""))
        elif change == "default_changed":
            if row is None:
                die(f"{delta_name}: default_changed {name}: not in the base table")
            old = base_default.get(name)
            if d["old"] and old is not None and not same_value(d["old"], old, row.type):
                changes.append(f"{target}: {name}: delta old {d['old']!r}, "
                               f"base default {old!r}")
            value = plain_value(new)
            if re.search(r"CPU|memory|supported|MADV", new):
                row.flags.add("HOST")
            if value is None:
                # A rule, not a value: the server computes it.
                row.default = None
                row.flags.add("AUTOSIZED")
            else:
                row.default = double_as_help(value) if row.type == "DOUBLE" and \
                    target.startswith("mariadb") else value
            row.note(f"default in {series}: {new} ({said})")
            row.source += f"; default: {delta_name}"
        elif change == "added":
            if row is None:
                row = Row(name)
                rows[name] = row
                row.flags.update({"OPTION", "SYSVAR", "UNVERIFIED"})
                row.source = where
                row.notes = [f"added in {series} ({said}); only the name is in the sources"]
                value = plain_value(new) if new else None
                row.default = value
                if value in ("ON", "OFF"):
                    row.type, row.arg = "BOOL", "OPTIONAL"
                    row.values = "OFF,ON"
                elif value is not None and re.fullmatch(r"\d+\.\d+", value):
                    row.type = "DOUBLE"
                if row.type != "STRING":
                    row.note("type guessed from the default")
                if new and value is None:
                    row.note(new)
                elif new and new != value:
                    row.note(f"default: {new}")
            else:
                row.note(f"present in {series} ({said})")
                value = plain_value(new) if new else None
                if value is not None and name not in default_changes:
                    row.default = value
                    row.note(f"default in {series}: {new}")
        else:
            die(f"{delta_name}: unknown change {change!r}")
    return changes


def removal_version(text, flavour):
    """The release a removed-options.tsv row's removed_in names for a flavour, None when
    the name was not removed, () when it never existed."""
    if text.startswith("not removed") or text.startswith("renamed") or \
            re.match(r"deprecated [\d.]+ \(still accepted\)", text):
        return None
    if text.startswith("never existed"):
        return ()
    m = re.search(("MySQL" if flavour == "mysql" else "MariaDB") + r" (\d+(?:\.\d+)*)", text)
    if m:
        return version_key(m[1])
    m = re.match(r"(\d+(?:\.\d+)*)", text) or \
        re.search(r"\b(?:removed|gone in|gone by) (\d+(?:\.\d+)*)", text)
    if m:
        return version_key(m[1])
    die(f"removed-options.tsv: cannot read removed_in {text!r}")


def removed_for(target_version, flavour, rows, removed_table):
    """The removed-options.tsv rows that apply to a target."""
    out = {}
    key = version_key(target_version)
    for r in removed_table:
        if r["flavour"] not in (flavour, "both"):
            continue
        version = removal_version(r["removed_in"], flavour)
        if version is None or version > key:
            continue
        name = r["name"]
        if name in rows:
            # The target's table still has it: the row wins, and records the claim unless a
            # delta already did.
            if not any(n.startswith("reported as not in") for n in rows[name].notes):
                rows[name].note(f"removed-options.tsv says: removed in {r['removed_in']}")
            continue
        if name in out:
            die(f"removed-options.tsv: {name} twice for {flavour}")
        out[name] = r
    return [out[name] for name in sorted(out, key=lambda n: n.encode())]


def build():
    """Every target: (name, version, rows sorted by name, removed rows, notes for humans)."""
    tables = {}
    removed_table = read_tsv("removed-options.tsv")
    help_values = read_capture(f"mariadb-{MARIADB_CAPTURED}.help.tsv")
    live_values = read_capture(f"mariadb-{MARIADB_CAPTURED}.live.tsv")
    catalogs = []
    remarks = []
    for target, version, flavour, base, base_release, delta in TARGETS:
        if base not in tables:
            table = read_tsv(base)
            rows = {}
            for tsv in table:
                if tsv["name"] in rows:
                    die(f"{base}: {tsv['name']} twice")
                rows[tsv["name"]] = base_row(tsv, flavour)
            if base == f"mariadb-{MARIADB_CAPTURED}.tsv":
                mariadb_captured(rows, table, help_values, live_values)
                mariadb_placeholders(rows)
                mariadb_early(rows)
            tables[base] = rows
        rows = {name: row.copy() for name, row in tables[base].items()}
        if delta:
            series = target.split("-", 1)[1]
            remarks += apply_delta(rows, delta, target, series, base_release)
        removed = removed_for(version if not delta else version + ".0", flavour, rows,
                              removed_table)
        ordered = [rows[name] for name in sorted(rows, key=lambda n: n.encode())]
        catalogs.append((target, version, ordered, removed))
    return catalogs, remarks


def c_string(value):
    """A C string literal, or NULL."""
    if value is None:
        return "NULL"
    out = []
    for byte in value.encode("utf-8"):
        ch = chr(byte)
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "?":
            out.append("\\?")  # no trigraphs
        elif 0x20 <= byte < 0x7f:
            out.append(ch)
        else:
            out.append("\\%03o" % byte)
    return '"' + "".join(out) + '"'


def c_number(value, vartype):
    """A bound as a uint64_t initializer; negatives as their two's-complement pattern."""
    if value < 0:
        if vartype not in SIGNED:
            die(f"negative bound {value} for an unsigned type")
        if value == -(1 << 63):
            return "(uint64_t)INT64_MIN"
        return f"(uint64_t)INT64_C({value})"
    if value > 0x7fffffff:
        return f"UINT64_C({value})"
    return str(value)


def c_double(value):
    """A double initializer that reads back as the same value."""
    return "0" if value == 0 else repr(value)


def c_flags(flags):
    names = [f"MZ_VAR_{flag}" for flag in FLAGS if flag in flags]
    return " | ".join(names) if names else "0"


def identifier(target):
    return re.sub(r"[^a-z0-9]", "_", target)


def related_for(target, rows):
    """MariaDB's tied variables (measured on 10.11), where the target has both names."""
    if not target.startswith("mariadb-"):
        return []
    names = {r.name for r in rows}
    return [r for r in read_tsv(f"mariadb-{MARIADB_CAPTURED}.related.tsv")
            if r["name"] in names and r["other"] in names]


def render(catalogs):
    out = ["/* Generated by catalog/generate.py from catalog/sources: do not edit. */",
           '#include "mysizer/catalog.h"',
           ""]
    entries = []
    for target, version, rows, removed in catalogs:
        ident = identifier(target)
        related = related_for(target, rows)
        out.append(f"/* {target}: {len(rows)} names, {len(removed)} removed */")
        out.append(f"static const struct mz_var {ident}_vars[] = {{")
        for r in rows:
            fields = [c_string(r.name), f"MZ_TYPE_{r.type}", f"MZ_ARG_{r.arg}",
                      c_flags(r.flags), c_string(r.default),
                      c_number(r.min, r.type), c_number(r.max, r.type),
                      c_number(r.block, r.type), c_string(r.values),
                      c_string("; ".join(r.notes) or None), c_string(r.source),
                      c_double(r.real_min), c_double(r.real_max)]
            out.append("\t{ " + ", ".join(fields) + " },")
        out.append("};")
        out.append("")
        if removed:
            out.append(f"static const struct mz_removed {ident}_removed[] = {{")
            for r in removed:
                fatal = "true" if r["effect_if_present"].startswith("fatal") else "false"
                fields = [c_string(r["name"]), c_string(r["removed_in"]),
                          c_string(r["replacement"]), fatal, c_string(r["source"])]
                out.append("\t{ " + ", ".join(fields) + " },")
            out.append("};")
            out.append("")
            removed_ref = (f"{ident}_removed",
                           f"sizeof {ident}_removed / sizeof {ident}_removed[0]")
        else:
            removed_ref = ("NULL", "0")
        if related:
            out.append(f"static const struct mz_related {ident}_related[] = {{")
            for r in related:
                alias = "true" if r["relation"] == "alias" else "false"
                out.append(f"\t{{ {c_string(r['name'])}, {c_string(r['other'])}, {alias} }},")
            out.append("};")
            out.append("")
            related_ref = (f"{ident}_related",
                           f"sizeof {ident}_related / sizeof {ident}_related[0]")
        else:
            related_ref = ("NULL", "0")
        entries.append(f"\t{{ {c_string(target)}, {c_string(version)}, {ident}_vars, "
                       f"sizeof {ident}_vars / sizeof {ident}_vars[0], "
                       f"{removed_ref[0]}, {removed_ref[1]}, "
                       f"{related_ref[0]}, {related_ref[1]} }},")
    out.append("const struct mz_catalog mz_catalogs[] = {")
    out += entries
    out.append("};")
    out.append("")
    out.append("const size_t mz_catalog_count = sizeof mz_catalogs / sizeof mz_catalogs[0];")
    return "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-o", "--output", default=DEFAULT_OUTPUT)
    parser.add_argument("--list", nargs=2, metavar=("FLAG", "TARGET"))
    parser.add_argument("--summary", action="store_true")
    args = parser.parse_args()

    catalogs, remarks = build()
    if args.list:
        flag, target = args.list[0].upper(), args.list[1]
        if flag not in FLAGS:
            die(f"no flag {args.list[0]}")
        found = [c for c in catalogs if c[0] == target]
        if not found:
            die(f"no target {target}")
        for row in found[0][2]:
            if flag in row.flags:
                print(row.name)
        return
    if args.summary:
        for target, version, rows, removed in catalogs:
            counts = {f: sum(f in r.flags for r in rows) for f in FLAGS}
            print(f"{target} ({version}): {len(rows)} names, {len(removed)} removed; " +
                  ", ".join(f"{f.lower()} {n}" for f, n in counts.items()))
        for remark in remarks:
            print(remark)
        return
    text = render(catalogs)
    with open(args.output, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


if __name__ == "__main__":
    main()
