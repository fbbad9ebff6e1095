"""`komekshi`: the one command-line entry point (ask, console, eval, kb build/check/export, run, locales)."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Iterator
from importlib.metadata import entry_points
from pathlib import Path

from knowledge import SOURCES_DIR
from knowledge.kb import KnowledgeBaseError, open_kb, resolve_path

PLUGIN_GROUP = "komekshi.commands"


def kb_path_from(args: argparse.Namespace) -> Path:
    return resolve_path(getattr(args, "kb", None) or os.environ.get("KB_PATH") or None)


def open_engine(args: argparse.Namespace, *, aliases: bool = True, lexicon: bool = True):
    from knowledge.answer.engine import Engine

    return Engine.open(kb_path_from(args), aliases=aliases, lexicon=lexicon)


# Inside one question these break nothing but a line count: `str.splitlines` would split on them, so a question pasted
# from Windows or a word processor would become several. They are spaces; only "\n" ends a question.
_IN_LINE_BREAKS = str.maketrans(dict.fromkeys("\r\v\f\x1c\x1d\x1e\x85\u2028\u2029", " "))


def read_questions(stream) -> Iterator[str]:
    """One question per "\n" line of the stream, read as it comes (answers start before the input ends). Bytes in,
    replacement characters for anything that is not UTF-8: bad input never crashes the batch."""
    for raw in stream.buffer:
        yield raw.decode("utf-8", errors="replace").removesuffix("\n").translate(_IN_LINE_BREAKS).strip(" ")


def json_line(data: object) -> str:
    """One JSON object on one line. U+2028 and U+2029 are escaped: JSON allows them raw, but JavaScript before ES2019
    and line-splitting readers take them for line ends."""
    return json.dumps(data, ensure_ascii=False).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def cmd_ask(args: argparse.Namespace) -> int:
    engine = open_engine(args)
    questions = read_questions(sys.stdin) if args.question == "-" else [args.question]
    for question in questions:
        answer = engine.ask(question, args.lang)
        if args.json:
            print(json_line(answer.to_dict()), flush=True)
        else:
            from knowledge.desk.console import render_plain

            print(render_plain(answer) + ("\n" if args.question == "-" else ""), flush=True)
    return 0


def cmd_plan(args: argparse.Namespace) -> int:
    from knowledge.desk.plan import run_plan

    lang = args.lang or "ru"
    outcome = run_plan(Path(args.file), open_engine(args), lang)
    if args.xlsx:
        from knowledge.desk.plan_sheet import plan_xlsx

        Path(args.xlsx).write_bytes(plan_xlsx(outcome.plan, lang))
    if args.json:
        print(json.dumps(outcome.to_dict(), ensure_ascii=False))
    else:
        print(outcome.plan.text(lang))
        for problem in outcome.problems:
            print(f"✗ {problem}")
    return 1 if outcome.problems else 0


def cmd_console(args: argparse.Namespace) -> int:
    from knowledge.desk.console import chat

    chat(open_engine(args), args.lang)
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from knowledge.desk.evaluate import run_eval

    # The same sets with the reviewed alias table switched off (the lexicon's word-by-word names still on), then
    # with both off: how far the engine's own matching carries.
    engine = open_engine(args)
    without_aliases, kazakh_only = open_engine(args, aliases=False), open_engine(args, aliases=False, lexicon=False)
    ok = True
    for file in args.files:
        report = run_eval(Path(file), engine)
        print(f"== {file}")
        print(report.text())
        print(f"without aliases: {run_eval(Path(file), without_aliases).score()}")
        print(f"without aliases or lexicon: {run_eval(Path(file), kazakh_only).score()}")
        ok = ok and report.ok
    return 0 if ok else 1


def cmd_screen(args: argparse.Namespace) -> int:
    from knowledge.desk.evaluate import load_questions
    from knowledge.desk.screen import measure, metamorphic_questions, renderers

    engine = open_engine(args)
    questions = [item for file in args.files for item in load_questions(Path(file))[0]]
    if args.metamorphic is not None:
        questions += metamorphic_questions(open_kb(kb_path_from(args)), args.metamorphic or None)
    print(measure(questions, engine.ask, renderers()).text(details=args.details))
    return 0


def cmd_metamorphic(args: argparse.Namespace) -> int:
    from knowledge.desk.metamorphic import Vocabulary, run

    path = kb_path_from(args)
    db = open_kb(path)
    report = run(open_engine(args, aliases=not args.no_aliases), db, Vocabulary.load(db), seed=args.seed,
                 limit=args.limit, show=args.show)
    print(report.text())
    return 0 if report.ok else 1


def cmd_kb_build(args: argparse.Namespace) -> int:
    from knowledge.ingest.build import build

    started = time.perf_counter()
    path = kb_path_from(args)
    built = build(path, Path(args.sources), if_changed=args.if_changed, reuse=not args.full)
    seconds = time.perf_counter() - started
    state = "built" if built else "already current"
    print(f"knowledge base {path}: {state} in {seconds:.2f} s ({path.stat().st_size / 1024:.0f} KiB)")
    return 0


def cmd_kb_check(args: argparse.Namespace) -> int:
    from knowledge.answer.catalogue import naming, table_problems
    from knowledge.ingest.check import check
    from knowledge.ingest.manifest import load_manifest

    report = check(open_kb(kb_path_from(args)), load_manifest(Path(args.sources)), names=naming().source)
    for problem in table_problems():  # a reviewed table the bot would quietly answer without
        report.problem(problem)
    print(report.text())
    return 0 if report.ok else 1


def cmd_kb_export(args: argparse.Namespace) -> int:
    from knowledge.desk.export import write_export

    write_export(open_kb(kb_path_from(args)), args.table, args.format, sys.stdout)
    return 0


def parse_annex_flags(values: list[str]) -> dict[str, str]:
    """--annex "2:setting=semi_stationary,unit=day,rates=single" → {"annex 2 setting": ..., ...}."""
    answers = {}
    for value in values:
        number, _, pairs = value.partition(":")
        for pair in filter(None, pairs.split(",")):
            name, _, setting = pair.partition("=")
            answers[f"annex {number.strip()} {name.strip()}"] = setting.strip()
    return answers


def cmd_kb_add(args: argparse.Namespace) -> int:
    from knowledge.answer.catalogue import naming
    from knowledge.ingest.add import add_decree

    answers = {name: getattr(args, name) for name in ("jurisdiction", "number", "date", "year", "name_ru", "name_en",
                                                      "code") if getattr(args, name)}
    answers.update(parse_annex_flags(args.annex))
    interactive = sys.stdin.isatty() and not args.yes

    def confirm(report: str) -> bool:
        print(report)
        if args.yes:
            return True
        if not interactive:
            print("Not added: run again with --yes to confirm.")
            return False
        return input("Add this decree to the sources? [y/N] ").strip().lower() in ("y", "yes", "и", "иә", "да")

    def ask(name: str) -> str:
        return input(f"{name}? ").strip()

    document = add_decree(Path(args.file), answers, confirm, ask if interactive else None, Path(args.sources),
                          names=naming().source)
    if document:
        print(f"Added {document.file} as {document.id}; run `komekshi kb build` to include it.")
    return 0


def cmd_locales_compile(args: argparse.Namespace) -> int:
    from knowledge.i18n import compile_catalogues, locales_dir

    written = compile_catalogues(force=args.force)
    for path in written:
        print(f"compiled {path}")
    if not written:
        print(f"catalogues in {locales_dir()} are up to date")
    return 0


def cmd_browse(args: argparse.Namespace) -> int:
    from knowledge.desk.browse import serve

    path = kb_path_from(args)
    open_kb(path).close()  # a clear error before Datasette starts
    print(f"Serving {path} read-only on http://{args.host}:{args.port}/kb (Ctrl+C stops)")
    return serve(path, args.host, args.port)


def add_plugin_commands(commands: argparse._SubParsersAction) -> None:
    """Commands other packages register under the `komekshi.commands` entry point group (the bot adds `run`):
    each entry point is a function that adds its subparsers, so this package never imports them."""
    for entry_point in sorted(entry_points(group=PLUGIN_GROUP), key=lambda ep: ep.name):
        entry_point.load()(commands)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="komekshi", description=__doc__)
    parser.add_argument("--kb", help="knowledge base file (default: $KB_PATH or knowledge/kb.sqlite)")
    commands = parser.add_subparsers(dest="command", required=True)

    ask = commands.add_parser("ask", help="answer one question, or one per line from stdin with -")
    ask.add_argument("question", help='the question, or "-" to read one question per line from standard input')
    ask.add_argument("--lang", choices=("kk", "ru", "en"), help="reply language")
    ask.add_argument("--json", action="store_true", help="print one JSON object per question")
    ask.set_defaults(func=cmd_ask)

    plan = commands.add_parser("plan", help="work out the cost of a care plan from a CSV (columns: service or "
                                            "question, days and/or months, recipients), each line cited; non-zero "
                                            "exit when a service is ambiguous or not found")
    plan.add_argument("file", help="the plan, CSV with a header row")
    plan.add_argument("--lang", choices=("kk", "ru", "en"), help="language of the plan (default ru)")
    plan.add_argument("--json", action="store_true", help="print the calculation as JSON")
    plan.add_argument("--xlsx", metavar="OUT", help="also write the plan as a spreadsheet")
    plan.set_defaults(func=cmd_plan)

    console = commands.add_parser("console", help="chat in the terminal")
    console.add_argument("--lang", choices=("kk", "ru", "en"))
    console.set_defaults(func=cmd_console)

    evaluate = commands.add_parser("eval", help="run question sets (JSON lines) and print accuracy, also without "
                                                "the alias table and without it and the lexicon; non-zero exit when "
                                                "any answer is wrong")
    evaluate.add_argument("files", nargs="+", metavar="FILE")
    evaluate.set_defaults(func=cmd_eval)

    screen = commands.add_parser("screen", help="how the answers to question sets read on a phone, per front end: "
                                              "Kazakh in ru/en answers, look-alike and single clarify choices, "
                                              "lengths")
    screen.add_argument("files", nargs="+", metavar="FILE")
    screen.add_argument("--details", action="store_true", help="list each answer that misses a target")
    screen.add_argument("--metamorphic", type=int, metavar="N", default=None,
                        help="also questions generated from the base, N rows per kind (0: all)")
    screen.set_defaults(func=cmd_screen)

    metamorphic = commands.add_parser(
        "metamorphic", help="ask questions generated from the base itself (every tariff row and criterion, in kk, "
                            "ru and en, perturbed) and report; non-zero exit on any confidently wrong answer")
    metamorphic.add_argument("--seed", type=int, default=0, help="the seed of every random choice (default 0)")
    metamorphic.add_argument("--limit", type=int, help="at most this many tariff rows and criteria (a seeded sample)")
    metamorphic.add_argument("--show", type=int, default=20, help="how many failures of each kind to list")
    metamorphic.add_argument("--no-aliases", action="store_true", help="the engine without the alias table")
    metamorphic.set_defaults(func=cmd_metamorphic)

    kb = commands.add_parser("kb", help="build, check and export the knowledge base").add_subparsers(
        dest="kb_command", required=True)
    build = kb.add_parser("build", help="parse the sources into the SQLite knowledge base")
    build.add_argument("--if-changed", action="store_true", help="skip when sources and code are unchanged")
    build.add_argument("--full", action="store_true",
                       help="parse every act again (by default an act nothing of which changed is taken from the "
                            "last build's parse, kb.sqlite.parsed)")
    build.set_defaults(func=cmd_kb_build)
    check = kb.add_parser("check", help="report rows, gaps, ru/en names, flags and overrides; non-zero exit "
                                          "on a gap")
    check.set_defaults(func=cmd_kb_check)
    export = kb.add_parser("export", help="print a table")
    export.add_argument("table", choices=("tariffs", "criteria"))
    export.add_argument("--format", choices=("jsonl", "csv", "excel"), default="jsonl",
                        help="excel: CSV for Excel on a Kazakh/Russian Windows (BOM, ';', decimal comma)")
    export.set_defaults(func=cmd_kb_export)
    add = kb.add_parser("add", help="add a new tariff decree text to the sources (preview, then confirm)")
    add.add_argument("file")
    add.add_argument("--yes", action="store_true", help="add without asking for confirmation")
    add.add_argument("--jurisdiction", help="a jurisdiction code of the manifest's [[jurisdiction]] tables, when the "
                                            "heading does not name it; a jurisdiction the manifest lacks is added "
                                            "from the heading")
    add.add_argument("--name-ru", help='a new jurisdiction\'s Russian name: "Теректинский район", "район Бөрлі", '
                                       '"город Уральск" (asked when no rule gives it)')
    add.add_argument("--name-en", help='a new jurisdiction\'s English name, e.g. "Terekti district"')
    add.add_argument("--code", help='a new jurisdiction\'s code, e.g. "terekti" (default: its Kazakh name in ASCII)')
    add.add_argument("--number", help="act number, e.g. 286")
    add.add_argument("--date", help="act date, YYYY-MM-DD")
    add.add_argument("--year", help="tariff year, e.g. 2027")
    add.add_argument("--annex", action="append", default=[],
                     help='what an annex holds when the headings do not say: "2:setting=home,unit=day,rates=single"')
    add.set_defaults(func=cmd_kb_add)
    for sub in (build, check, add):
        sub.add_argument("--sources", default=str(SOURCES_DIR), help="sources folder (default: the package's)")

    browse = commands.add_parser("browse", help="browse the knowledge base in a browser (Datasette, read-only)")
    browse.add_argument("--host", default="127.0.0.1")
    browse.add_argument("--port", type=int, default=8001)
    browse.set_defaults(func=cmd_browse)

    add_plugin_commands(commands)

    locales = commands.add_parser("locales", help="message catalogues").add_subparsers(dest="locales_command",
                                                                                       required=True)
    compile_ = locales.add_parser("compile", help="compile each locales/*/LC_MESSAGES/messages.po newer than its .mo")
    compile_.add_argument("--force", action="store_true", help="compile every catalogue, changed or not")
    compile_.set_defaults(func=cmd_locales_compile)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:
        # The reader went away (`| head -1`): end quietly. Output still buffered would fail again at exit, so
        # standard output now points at /dev/null.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KnowledgeBaseError as error:
        print(f"komekshi: {error}", file=sys.stderr)
        return 2
    except (ValueError, OSError) as error:
        # Manifest, overrides and source errors carry their file and fix in the message.
        print(f"komekshi: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
