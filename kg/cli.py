"""The ``kg`` command line (KG_SPEC s.2).

Exit codes: 0 ok; 1 bad input or usage (one line, no traceback); 2 an environment fault
such as an unreachable database (one line naming what to check).
"""
from __future__ import annotations

import functools
import json
import sys
from pathlib import Path

import click

from .errors import InputError, KgError


def user_errors(func):
    """Turn every ``KgError`` into one line on stderr and its exit code."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except KgError as exc:
            click.echo(f"kg: {exc}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("kg: interrupted", err=True)
            sys.exit(130)
    return wrapper


def neo4j_options(func):
    """--uri/--user/--password/--database, also from NEO4J_* environment variables."""
    for option in reversed([
        click.option("--uri", envvar="NEO4J_URI", default="bolt://localhost:7687", show_default=True,
                     help="Bolt URI (env NEO4J_URI)."),
        click.option("--user", envvar="NEO4J_USERNAME", default="neo4j", show_default=True,
                     help="User (env NEO4J_USERNAME)."),
        click.option("--password", envvar="NEO4J_PASSWORD", default="", help="Password (env NEO4J_PASSWORD)."),
        click.option("--database", envvar="NEO4J_DATABASE", default=None, help="Database (env NEO4J_DATABASE)."),
    ]):
        func = option(func)
    return func


def _check_date(value):
    """--date must be a real calendar date (not "2026-13-45")."""
    import datetime as dt
    import re
    if value is not None:
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                raise ValueError
            dt.date.fromisoformat(value)
        except ValueError:
            raise InputError("E013", value=value) from None
    return value


class KgGroup(click.Group):
    """click's group, with usage errors exiting 1 as the kg contract says (click uses 2,
    which kg keeps for environment faults)."""

    def main(self, *args, **kwargs):
        kwargs["standalone_mode"] = False
        try:
            return super().main(*args, **kwargs)
        except click.UsageError as exc:
            exc.show()
            sys.exit(1)
        except click.ClickException as exc:
            exc.show()
            sys.exit(1)
        except click.Abort:
            click.echo("kg: aborted", err=True)
            sys.exit(1)


@click.group(cls=KgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg")
def main():
    """kg: news articles -> knowledge graph (Neo4j, GraphML, Cypher, CSV)."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--out", "out_dir", default="kg-out", show_default=True,
              type=click.Path(file_okay=False), help="Folder for the outputs.")
@click.option("--date", "default_date", help="Article date (YYYY-MM-DD) when the input has none.")
@click.option("--model", help="spaCy model name or path (default: en_core_web_sm).")
@click.option("--jobs", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Processes for parsing.")
@click.option("--strict", is_flag=True, help="Any unreadable input is fatal.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where the build runs (dask: the whole build on a cluster, OUT may be an "
                   "fsspec URL; pip install -e \".[dask]\").")
@click.option("--scheduler", help="Dask scheduler address (default: a LocalCluster for the run).")
@click.option("--max-graph-nodes", default=200_000, show_default=True, type=click.IntRange(0),
              help="--engine dask: write GraphML, GEXF, graph.jsonl and graph.cypher only up to "
                   "this many entities (graph/ and import/ partitions are always written).")
@click.option("--update", is_flag=True,
              help="Merge into the existing OUT folder: keep its articles, build only new or changed ones.")
@click.option("--neo4j", "to_neo4j", is_flag=True, help="Also load the graph into Neo4j.")
@neo4j_options
@user_errors
def build(inputs, out_dir, default_date, model, jobs, strict, engine, scheduler, max_graph_nodes,
          update, to_neo4j, uri, user, password, database):
    """Read articles, extract entities and relations, write every export to OUT."""
    from .pipeline import build as run_build

    _check_date(default_date)
    problems = []
    progress = _progress() if sys.stderr.isatty() else None
    try:
        on_dask = {"scheduler": scheduler, "max_graph_nodes": max_graph_nodes} if engine == "dask" else {}
        result = run_build(list(inputs), out_dir if engine == "dask" else Path(out_dir), model=model,
                           default_date=default_date, jobs=jobs, strict=strict, on_article=progress,
                           problems=problems, update=update, engine=engine, **on_dask,
                           on_wait=lambda d: click.echo(f"kg: {d}: another build is writing "
                                                        "this folder; waiting for it", err=True))
    finally:
        if progress is not None:
            click.echo("", err=True)
        for problem in problems:
            click.echo(f"kg: {'warning:' if problem.warning else 'skipped'} {problem}", err=True)
    _print_summary(result, out_dir)
    if to_neo4j:
        from .neo4j.loader import load_graph, load_jsonl
        from .scale import graph_partitions

        connection = dict(uri=uri, user=user, password=password, database=database)
        report = (load_graph(result.graph, **connection) if result.graph is not None
                  else load_jsonl(graph_partitions(out_dir), **connection))
        click.echo(report.summary())


def _progress():
    count = {"n": 0}

    def on_article(article):
        count["n"] += 1
        click.echo(f"\r  {count['n']} article(s) built", err=True, nl=False)
    return on_article


def _print_summary(result, out_dir) -> None:
    kept = f", {result.unchanged} unchanged" if result.unchanged else ""
    skipped = sum(not p.warning for p in result.problems)
    click.echo(f"articles: {result.articles} built, {skipped} skipped{kept}")
    by_label = result.nodes_by_label()
    click.echo("nodes:     " + ", ".join(f"{k} {v}" for k, v in sorted(by_label.items())))
    by_type = result.relations_by_type()
    click.echo("relations: " + ", ".join(f"{k} {v}" for k, v in sorted(by_type.items())))
    step = "resolving and writing on the cluster" if result.node_counts is not None else "writing outputs"
    click.echo(f"seconds:   {result.seconds:.2f} ({step} {result.write_seconds:.2f})")
    written = result.written or list(result.export_seconds)
    click.echo(f"wrote:     {', '.join(str(Path(out_dir) / n) for n in written)}")
    if result.resolved:
        click.echo(f"resolved:  {result.resolved}")
    if result.skipped_outputs:
        click.echo(f"skipped:   graph.jsonl, GraphML, GEXF, graph.cypher ({result.skipped_outputs}); "
                   "graph/ and import/ hold the graph")


@main.command()
@click.argument("source")
@neo4j_options
@click.option("--batch-size", default=500, show_default=True, type=click.IntRange(1, 100000))
@click.option("--model", help="spaCy model, when SOURCE is articles rather than a built folder.")
@user_errors
def load(source, uri, user, password, database, batch_size, model):
    """Load a built folder (or articles, built on the fly) into Neo4j; idempotent."""
    from .neo4j.loader import load_graph, load_jsonl

    from .scale import graph_partitions

    path = Path(source)
    jsonl = path / "graph.jsonl" if path.is_dir() else path
    partitions = graph_partitions(path) if path.is_dir() else []
    if partitions or (jsonl.name == "graph.jsonl" and jsonl.exists()):
        # a built folder streams in bounded memory, whatever its size
        report = load_jsonl(partitions or jsonl, uri=uri, user=user, password=password, database=database,
                            batch_size=batch_size)
    else:
        report = load_graph(_graph_from(source, model), uri=uri, user=user, password=password,
                            database=database, batch_size=batch_size)
    click.echo(report.summary())


def _graph_from(source: str, model):

    path = Path(source)
    if path.is_dir() and not any(path.iterdir()):
        raise InputError("E102", where=source)
    from .pipeline import build_graph

    problems = []
    try:
        return build_graph([source], model=model, problems=problems).graph
    finally:
        for problem in problems:
            click.echo(f"kg: {'warning:' if problem.warning else 'skipped'} {problem}", err=True)


@main.command()
@click.argument("cypher", required=False)
@click.option("-f", "--file", "cypher_file", type=click.Path(exists=True, dir_okay=False),
              help="Read the query from a .cypher file.")
@click.option("--param", "params", multiple=True, help="Query parameter key=value (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="Rows as JSON.")
@neo4j_options
@user_errors
def query(cypher, cypher_file, params, as_json, uri, user, password, database):
    """Run a Cypher query against Neo4j and print the rows."""
    from .neo4j.loader import connect
    from .neo4j.query import format_table, parse_params, run_query

    if bool(cypher) == bool(cypher_file):
        raise InputError("E206")
    try:
        text = cypher or Path(cypher_file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or type(exc).__name__
        raise InputError("E209", where=cypher_file, reason=reason) from None
    values = parse_params(params)
    driver = connect(uri, user, password)
    try:
        columns, rows = run_query(driver, text, values, database)
    finally:
        driver.close()
    if as_json:
        click.echo(json.dumps([dict(zip(columns, r)) for r in rows], ensure_ascii=False, indent=2))
    else:
        click.echo(format_table(columns, rows))


def _read_built(folder: str):
    from .io.exporters import read_jsonl

    from .scale import graph_partitions

    path = Path(folder)
    if not (path / "graph.jsonl").exists():
        raise InputError("E105" if graph_partitions(path) else "E102", where=folder)
    return read_jsonl(path / "graph.jsonl")


@main.command()
@click.argument("folder")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@user_errors
def stats(folder, as_json):
    """Counts, degree and betweenness leaders, components, relations per article."""
    from .stats import compute_stats, format_stats

    figures = compute_stats(_read_built(folder))
    click.echo(json.dumps(figures.as_dict(), indent=2) if as_json else format_stats(figures))


@main.command()
@click.argument("folder")
@click.option("-o", "--out", "out_file", type=click.Path(dir_okay=False),
              help="Where to write the page (default FOLDER/graph.html).")
@click.option("--open", "open_page", is_flag=True, help="Open the page in a browser.")
@user_errors
def view(folder, out_file, open_page):
    """Write a self-contained HTML view of a built graph (works offline)."""
    from .view import write_view

    graph = _read_built(folder)
    path = write_view(graph, Path(out_file) if out_file else Path(folder) / "graph.html",
                      title=f"kg: {Path(folder).name}")
    click.echo(f"wrote: {path}")
    if open_page:
        import webbrowser

        webbrowser.open(path.resolve().as_uri())


@main.command(name="eval")
@click.argument("gold_files", nargs=-1, required=True)
@click.option("--model", help="spaCy model name or path.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("-v", "--verbose", is_flag=True, help="List missed and extra items.")
@click.option("--errors", "by_kind", is_flag=True, help="Count the misses by kind.")
@user_errors
def eval_command(gold_files, model, as_json, verbose, by_kind):
    """Build each gold file's article and score it (KG_SPEC s.6); over several files,
    a line per file, then the micro totals."""
    from .evaluate import evaluate

    total, per_file = evaluate(gold_files, model=model)
    if as_json:
        click.echo(json.dumps({"total": total.as_dict(),
                               "files": {p: s.as_dict() for p, s in per_file}}, indent=2))
        return
    if len(per_file) > 1:
        click.echo(format_files(per_file))
    if by_kind:
        click.echo(format_errors(total))
    click.echo(format_score(total, verbose))


def format_files(per_file) -> str:
    """One line per gold file: typed named-entity and relation scores."""
    lines = [f"{'file':40} {'named-typed F1':>14} {'rel F1':>7} {'TP':>4} {'FP':>4} {'FN':>4}"]
    for path, score in per_file:
        name = Path(path).name.removesuffix(".gold.json")[:40]
        rel = score.relations
        lines.append(f"{name:40} {score.named_typed.f1:14.3f} {rel.f1:7.3f} "
                     f"{rel.tp:4d} {rel.fp:4d} {rel.fn:4d}")
    return "\n".join(lines) + "\n"


def format_errors(score) -> str:
    """Misses by kind, largest first within entities, relations and quotes."""
    from .evaluate import ERROR_KINDS

    lines = [f"{'misses by kind':36} {'count':>5}"]
    for kind in ERROR_KINDS:
        lines.append(f"{kind:36} {score.errors.get(kind, 0):5d}")
    return "\n".join(lines) + "\n"


def format_score(score, verbose: bool = False) -> str:
    """The eval table."""
    rows = [("entities (untyped)", score.entities), ("entities (typed)", score.entities_typed),
            ("named (untyped)", score.named), ("named (typed)", score.named_typed),
            ("groups", score.groups), ("relations", score.relations)]
    lines = [f"{'':20} {'P':>6} {'R':>6} {'F1':>6} {'TP':>4} {'FP':>4} {'FN':>4}"]
    for name, prf in rows:
        lines.append(f"{name:20} {prf.precision:6.3f} {prf.recall:6.3f} {prf.f1:6.3f} "
                     f"{prf.tp:4d} {prf.fp:4d} {prf.fn:4d}")
    dates = f"{score.dates_right}/{score.dates_total}" if score.dates_total else "n/a"
    lines.append(f"dates right: {dates}   quotes found: {score.quotes_found}/{score.quotes_total}"
                 f"   duplicate nodes: {score.duplicates}")
    if verbose:
        for title, items in (("missed entities", score.missed_entities),
                             ("extra entities", score.extra_entities),
                             ("missed relations", score.missed_relations),
                             ("extra relations", score.extra_relations),
                             ("missed quotes", score.missed_quotes)):
            if items:
                lines.append(f"{title}:")
                lines.extend(f"  - {item}" for item in items)
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    main()
