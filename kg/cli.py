"""The `kg` command: parse the arguments, call the library, turn its errors into one line.

    kg build seeds/ --out out/
    kg extract page.txt            (the extraction record on standard output)
    echo '…' | kg extract - --lines
    kg eval --gold ../shared/gold/dev     (scores and misses against gold annotations)
    kg export neo4j out/ --out out/neo4j  (also graphml, gexf)
    kg stats out/
    kg build seeds/ --out out/ --format trig   (also turtle, the default, nt and jsonld)
    kg validate out/graph.ttl                  (SHACL, each violation in words)
    kg query out/graph.ttl 'SELECT ?zone WHERE { ?zone a hz:Zone }' --format csv
    kg serve out/graph.ttl --port 7878         (a SPARQL endpoint on localhost)
    kg push out/graph.ttl --endpoint http://localhost:7878/store --graph https://example.org/news
    kg view out/ --entity 示例高新区 --hops 1 --out view.html   (an interactive page of one neighbourhood)
    kg show out/ 示例高新区                     (one entity: aliases, type, facts and their sentences)
    kg search out/ 高新                          (the entities whose name holds some text)
    kg review out/                              (a page to tick facts right or wrong: corrections.yaml)
"""
from __future__ import annotations

import argparse
import os
import signal
import sys
import textwrap
from importlib.metadata import version
from pathlib import Path

from kg.build import build
from kg.progress import progress_display
from kg.run.cache import Cache, default_folder
from kg.run.local import WorkerDied
from kg.model import Problem
from kg.recognize.learned import MODEL
from kg.relate.confidence import default_min_confidence
from kg.relate.learned import MODEL as RELATIONS
from kg.train import FOLDS, PARAMS, PARTS
from kg.rdf.formats import FORMATS
from kg.read import InputError, read_file, terminal
from kg.sparql.query import RESULT_FORMATS, TIMEOUT as QUERY_TIMEOUT
from kg.view import MAX_NODES


def _report(problem: Problem) -> None:
    # an article of an archive, or a page renamed to keep it apart from another
    doc = f" ({problem.doc})" if problem.doc and problem.doc != Path(problem.path).stem else ""
    line = f"kg: {'skipped' if problem.skipped else 'warning:'} {problem.path}{doc}: {problem.reason}"
    print(terminal(line), file=sys.stderr)      # a page's text never drives the terminal


def cmd_build(args) -> int:
    # SIGTERM stops the build as Ctrl-C does: its workers stopped, the output folder as it was
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    cache = None if args.no_cache else Cache(args.cache_dir) if args.cache_dir else Cache.default()
    with progress_display(sys.stderr, args.quiet) as show:
        report = build(args.path, args.out, progress=show, rdf_format=args.format, jobs=args.jobs, cache=cache,
                       dask=args.dask, force=args.force, follow_links=args.follow_links,
                       min_confidence=args.min_confidence, corrections=args.corrections)
    for problem in report.problems:
        _report(problem)
    for unmatched in report.corrections.unmatched if report.corrections else ():
        print(terminal(f"kg: warning: correction {unmatched}"), file=sys.stderr)
    if not report.graph.documents:
        print(f"kg: error: no page could be built; nothing was written, {args.out} is as it was", file=sys.stderr)
    elif not args.quiet:
        print(report.summary())
    return report.exit_code


def cmd_extract(args) -> int:
    from kg.model import Document
    from kg.pipeline import extract_lines
    from kg.read.decode import Undecodable, decode
    from kg.write.jsonl import line, records

    if args.path == "-":
        try:
            items = [Document(id="stdin", raw=decode(sys.stdin.buffer.read()).text)]
        except Undecodable as exc:
            raise InputError(f"standard input: {exc.reason}") from None
    else:
        path = Path(args.path)
        if not path.is_file():
            raise InputError(f"{path}: no such file; give a news page, or - for standard input")
        items = read_file(path)
    built, problems = 0, 0
    for item in extract_lines(items, args.lines):
        if isinstance(item, Problem):
            _report(item)
            problems += 1
        else:
            for record in records(item):
                print(line(record))
            built += 1
    return 2 if not built else 1 if problems else 0


def cmd_train(args) -> int:
    from kg.train import Sources, train_all

    if args.iterations < 1:
        raise InputError(f"--iterations {args.iterations}: give 1 or more")
    if args.corrections and args.only == "recogniser":
        raise InputError("--corrections teach the relation model: leave out --only recogniser")
    sources = Sources.under(args.shared)
    _warn_stale(args.keep_models)
    with progress_display(sys.stderr, args.quiet, doing="training", unit="steps") as show:
        written = train_all(sources, args.out, args.relations_out, [args.only] if args.only else PARTS,
                            Path(args.keep_models) if args.keep_models else None,
                            params={"max_iterations": args.iterations}, progress=show,
                            corrections=args.corrections or ())
    if not args.quiet:
        print("written: " + ", ".join(map(str, written)))
    return 0


def cmd_eval(args) -> int:
    from kg.eval import evaluate

    if args.folds is not None:
        return _cross_validate(args)
    if args.cluener:
        from kg.eval.cluener import score_cluener
        from kg.train import Sources

        result = score_cluener(Sources.under(args.shared).public / "cluener" / "train.json")
        print(result.table)
        print(f"cluener_micro_f1={result.micro_f1}")
        return 0
    if args.gold is None:
        raise InputError("give --gold DIR (a folder of gold annotations), --folds N or --cluener")
    result = evaluate(args.gold, args.pred, args.pages)
    for skipped in result.skipped:
        print(f"kg: skipped {skipped}", file=sys.stderr)
    if not args.summary:
        print("\n".join(result.misses), end="\n\n")
        print(result.table)
    print(result.summary_line)
    return 0


def _warn_stale(keep: str | None) -> None:
    """A kept fold's recogniser is used as it is, even one trained on other lexicons than kg reads now: say so,
    for its figures are then not those a fresh training gives."""
    from kg.recognize.learned import stale

    if not keep:
        return
    for path in sorted(Path(keep).glob("fold*.npz")):
        if stale(path):
            print(f"kg: warning: {path} was trained on other lexicons than kg reads now; it is used as it is "
                  "(delete it to train it anew)", file=sys.stderr)


def _cross_validate(args) -> int:
    from kg.eval.folds import cross_validate
    from kg.train import Sources

    sources = Sources.under(args.shared)
    _warn_stale(args.keep_models)
    with progress_display(sys.stderr, args.summary, doing="cross-validating", unit="steps") as show:
        result = cross_validate(sources, args.folds, params={"max_iterations": args.iterations}, progress=show,
                                keep=Path(args.keep_models) if args.keep_models else None)
    if not args.summary:
        print("\n".join(result.pooled.misses), end="\n\n")
        print(result.table)
        print(result.reliability_table, end="\n\n")
        for k, line in enumerate(result.fold_summaries, 1):
            print(f"fold {k}: {line}")
        print("mean over the folds: " + " ".join(f"{key}={result.mean(key)}" for key in
                                                 ("entity_f1_typed", "entity_f1", "triple_f1")))
    print(result.pooled.summary_line)
    return 0


def cmd_export(args) -> int:
    from kg.export import export

    written = export(args.graph, args.format, args.out)
    print(f"written in {written[0].parent}: " + ", ".join(p.name for p in written))
    return 0


def cmd_stats(args) -> int:
    from kg.graph.load import load_graph
    from kg.graph.network import to_networkx
    from kg.graph.stats import graph_stats

    print(terminal(graph_stats(to_networkx(load_graph(args.graph)), top=args.top).summary(), lines=True))
    return 0


def cmd_validate(args) -> int:
    from kg.rdf.load import load_graph
    from kg.rdf.validate import validate

    report = validate(load_graph(args.graph))
    if report.conforms:
        print(f"{args.graph} conforms to the shapes: {len(report.graph)} triples checked")
        return 0
    print("\n".join(report.explain()))
    print(f"{args.graph} does not conform: {len(report.violations)} violation(s)", file=sys.stderr)
    return 1


def cmd_query(args) -> int:
    from kg.sparql.query import answer, read_query, time_limit

    if (args.sparql is None) == (args.file is None):
        raise InputError("give the query either as an argument or with --file q.rq, not both")
    sparql = args.sparql if args.file is None else read_query(args.file)
    print(answer(args.graph, sparql, args.format, time_limit(args.timeout)))
    return 0


def cmd_serve(args) -> int:
    from kg.sparql.query import time_limit
    from kg.sparql.serve import port_number, remote_hosts, serve

    # SIGTERM stops the server as Ctrl-C does, rather than leaving it running without us
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    with serve(args.graph, port_number(args.port), time_limit(args.timeout), args.writable,
               remote_hosts(args.allow_remote)) as endpoint:
        print(f"SPARQL endpoint for {args.graph}: {endpoint.query_url} (queries), {endpoint.update_url} "
              f"(updates), {endpoint.store_url} (graph store); Ctrl-C stops it", flush=True)
        print(f"updates need the header: Authorization: Bearer {endpoint.token}" if endpoint.token else
              "read-only: updates are refused (kg serve --writable allows them)", flush=True)
        try:
            code = endpoint.wait()
        except KeyboardInterrupt:
            print("stopped", file=sys.stderr)
            return 0
    print(f"kg: error: the SPARQL server stopped by itself (exit code {code})", file=sys.stderr)
    return 1


def cmd_push(args) -> int:
    from kg.sparql.http import redact
    from kg.sparql.push import push

    pushed = push(args.graph, args.endpoint, args.graph_iri, replace=args.replace, token=args.token)
    print(f"pushed {pushed.triples} triples to {redact(args.endpoint)} into {', '.join(pushed.graphs)}")
    return 0


def cmd_view(args) -> int:
    from kg.graph.load import load_graph
    from kg.graph.network import to_networkx
    from kg.view import view_of
    from kg.write.html import write_view

    view = view_of(to_networkx(load_graph(args.graph)), args.entity, args.hops, args.max_nodes)
    write_view(view, args.out)
    g = view.graph
    print(terminal(f"{args.out}: {view.title}, {g.number_of_nodes()} entities, {g.number_of_edges()} links"
                   + (f"; {view.note}" if view.note else "")))
    return 0


def cmd_review(args) -> int:
    from kg.review import write_review

    out = args.out or (Path(args.graph) / "review.html" if Path(args.graph).is_dir() else Path("review.html"))
    write_review(args.graph, out)
    print(terminal(f"{out}: the facts of {args.graph} to review, least confident first; its download is a "
                   f"corrections file for kg build --corrections"))
    return 0


def cmd_show(args) -> int:
    from kg.graph.find import card, matches

    g = _network(args.graph)
    print(terminal("\n\n".join(card(g, node).text() for node in matches(g, args.name)), lines=True))
    return 0


def cmd_search(args) -> int:
    from kg.graph.find import listing, search

    g = _network(args.graph)
    found = search(g, args.text, args.limit)
    if not found:
        print(terminal(f"kg: no entity's name or alias holds {args.text!r}"), file=sys.stderr)
        return 1
    print(terminal("\n".join(listing(g, node) for node in found), lines=True))
    return 0


def _network(path: str):
    from kg.graph.load import load_graph
    from kg.graph.network import to_networkx

    return to_networkx(load_graph(path))


EXIT_CODES = """exit codes (kg build, kg extract):
  0    every page was built
  1    built, with problems: pages skipped or read with a warning, listed on
       standard error and in OUT/problems.jsonl
  2    a usage error, no page could be built, or a worker process died
       (nothing is written)
  130  interrupted (Ctrl-C or SIGTERM); the output folder is as it was before"""


def _command(sub, name: str, help: str, description: str, examples: list[str], after: str = ""):
    """A subcommand whose --help says what it does and ends with examples to copy."""
    epilog = "\n".join(["examples:", *(f"  {line}" for line in examples), *(["", after] if after else [])])
    return sub.add_parser(name, help=help, description=textwrap.fill(description, 79), epilog=epilog,
                          formatter_class=argparse.RawDescriptionHelpFormatter)


def _one_line_errors(command: argparse.ArgumentParser) -> None:
    """Argument errors of `command` as its other errors: one line, exit code 2, rather than usage and all."""
    command.error = lambda message: command.exit(2, f"kg: error: {message}; see {command.prog} --help\n")


def _default_threshold() -> str:
    """The default of --min-confidence, for the help: a broken model is reported when a build needs it."""
    try:
        return str(default_min_confidence())
    except InputError:
        return "kept with the relation model"


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kg", description="Knowledge graphs from Chinese news about high-tech zones.",
                                epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"kg {version('kg')}")
    sub = p.add_subparsers(dest="command")      # none: the help, as `kg --help`
    b = _command(sub, "build", "build graph.ttl, extraction.jsonl and graph.html from news pages",
                 "Read every news page under PATH, extract its entities and facts, and write the graph, the "
                 "extraction record, the views and the problems met into OUT, replacing what an earlier build "
                 "wrote there in one step. Pages extracted before are taken from the cache.",
                 ["kg build seeds/ --out out/",
                  "kg build ~/news/ --out graph/ --jobs 2            (two worker processes)",
                  "kg build ~/news/ --out graph/ --dask tcp://scheduler:8786   (on a Dask cluster)",
                  "kg build page.txt --out out/ --format trig --quiet --no-cache",
                  "kg build ~/news/ --out graph/ --min-confidence 0.5   (only the facts at 0.5 or more)",
                  "kg build ~/news/ --out graph/ --corrections review.yaml   (a person's decisions, applied)"],
                 EXIT_CODES)
    b.add_argument("path", nargs="?", default="seeds",
                   help="a news page or a folder of pages: .txt, .md, .html, .jsonl (one article a line) "
                        "(default: seeds)")
    b.add_argument("--out", default="out", help="the folder to write into (default: out)")
    b.add_argument("--quiet", action="store_true", help="print nothing but errors")
    b.add_argument("--format", choices=tuple(FORMATS), default="turtle",
                   help="the RDF format of the graph file (default: turtle, graph.ttl)")
    b.add_argument("--jobs", type=int, default=1, metavar="N", help="extract in N worker processes (default: 1)")
    b.add_argument("--dask", metavar="ADDRESS",
                   help="extract on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786)")
    b.add_argument("--no-cache", action="store_true", help="extract every page afresh, and keep nothing")
    b.add_argument("--force", action="store_true",
                   help="write into OUT even if it holds files that kg did not write (they are kept; kg's own "
                        "outputs are replaced)")
    b.add_argument("--follow-links", action="store_true",
                   help="read the pages that links lead to outside PATH (by default each is reported, not read)")
    b.add_argument("--corrections", action="append", metavar="FILE",
                   help="apply the decisions in FILE, a YAML list (reject, accept, add, merge, split, rename, "
                        "retype, alias, recognise); repeat for more (default: PATH/corrections.yaml, if there)")
    b.add_argument("--cache-dir", metavar="DIR",
                   help=f"where extractions are kept between builds (default: {default_folder()})")
    b.add_argument("--min-confidence", metavar="X",
                   help="keep only the facts said at confidence X or more (0 to 1), in every output; the "
                        f"cache keeps them all (default: {_default_threshold()}, the threshold that "
                        "scored best in cross-validation)")
    b.set_defaults(run=cmd_build)
    e = _command(sub, "extract", "print the extraction record of one page (or - for standard input)",
                 "Print the extraction record of one page as JSON Lines on standard output: its entities, then "
                 "its triples, each with the sentence it was read from and that sentence's span in the page.",
                 ["kg extract page.txt",
                  "kg extract page.html > page.jsonl",
                  "echo '示例高新区管委会主任王明说。' | kg extract - --lines   # each line its own document"],
                 EXIT_CODES)
    e.add_argument("path", help="a news page, or - to read standard input")
    e.add_argument("--lines", action="store_true", help="every input line is its own document, named by its number")
    e.set_defaults(run=cmd_extract)
    v = _command(sub, "eval", "score the extraction against gold annotations and list what it misses",
                 "Score the extraction against gold annotations with the project's scorer, after listing, "
                 "document by document, the entities and triples it missed or added.",
                 ["kg eval --gold ../shared/gold/dev                              # extracts seeds/ afresh",
                  "kg eval --gold ../shared/gold/dev --pred out/extraction.jsonl  # scores a record on file",
                  "kg eval --gold ../shared/gold/dev --summary                    # only the summary line"])
    v.add_argument("--gold", help="a folder of gold .json annotations")
    v.add_argument("--pred", help="an extraction record to score (default: extract --pages afresh)")
    v.add_argument("--pages", default="seeds", help="the pages to extract when there is no --pred (default: seeds)")
    v.add_argument("--summary", action="store_true", help="print only the summary line")
    v.add_argument("--folds", type=int, metavar="N",
                   help="cross-validate by document over all the gold of --shared: N models, each trained "
                        "without one N-th of the documents and scored on it")
    v.add_argument("--cluener", action="store_true",
                   help="score the shipped model on the tenth of CLUENER2020 it was not trained on")
    v.add_argument("--shared", default="../shared", metavar="DIR",
                   help="with --folds and --cluener: the folder of the annotated corpora "
                        "(data/ner, gold/, corpus/; default: ../shared)")
    v.add_argument("--iterations", type=int, default=PARAMS["max_iterations"], metavar="N",
                   help=f"with --folds: training iterations of each model (default: {PARAMS['max_iterations']})")
    v.add_argument("--keep-models", metavar="DIR",
                   help="with --folds: keep each fold's model in DIR, and use those already there rather than "
                        "train them again (score a change made after recognition in a minute)")
    v.set_defaults(run=cmd_eval)
    t = _command(sub, "train", "rebuild the recogniser's and the relation model from annotated text",
                 "Train the learned recogniser, a CRF, on the domain gold and CLUENER2020 under --shared; then the "
                 "relation model on the gold pages as recognisers trained without them read them (one a fold, "
                 f"{FOLDS} folds), calibrated on those folds; and write both where kg build reads them. The same "
                 "data give the same bytes (about a quarter of an hour on one core). "
                 "Needs the training extra: pip install -e '.[train]'.",
                 ["kg train                                         # ../shared → kg/models/*.npz",
                  "kg train --only relations --keep-models /tmp/folds  # the relation model, fold models kept",
                  "kg train --only relations --corrections news/corrections.yaml   # … learning from a review too",
                  "kg train --shared /data/kg --out /tmp/try.npz --only recogniser --iterations 50",
                  "KG_MODEL=/tmp/try.npz kg build                   # a build with the recogniser just trained"])
    t.add_argument("--shared", default="../shared", metavar="DIR",
                   help="the folder of the annotated corpora: data/ner, gold/, corpus/ (default: ../shared)")
    t.add_argument("--out", default=str(MODEL), metavar="FILE",
                   help=f"the recogniser's file to write (default: {MODEL}); KG_MODEL=FILE builds with it")
    t.add_argument("--relations-out", default=str(RELATIONS), metavar="FILE",
                   help=f"the relation model's file to write (default: {RELATIONS}); KG_RELATIONS=FILE builds "
                        "with it")
    t.add_argument("--only", choices=PARTS, help="train one model only")
    t.add_argument("--corrections", nargs="+", metavar="FILE",
                   help="corrections files (kg review writes them): the facts they accept and reject in the pages "
                        "beside each teach the relation model too")
    t.add_argument("--keep-models", metavar="DIR",
                   help="keep the folds' recognisers in DIR, and use those already there (as kg eval --folds does)")
    t.add_argument("--iterations", type=int, default=PARAMS["max_iterations"], metavar="N",
                   help=f"training iterations of each recogniser (default: {PARAMS['max_iterations']})")
    t.add_argument("--quiet", action="store_true", help="print nothing but errors")
    t.set_defaults(run=cmd_train)
    graph_help = "a folder written by kg build, its extraction.jsonl or its graph.ttl"
    x = _command(sub, "export", "write the graph for Neo4j (bulk-import CSVs and Cypher), Gephi or Cytoscape",
                 "Write the graph as a property graph: CSVs for neo4j-admin's bulk import with load.cypher "
                 "(LOAD CSV into a running Neo4j) and ladybug.cypher (LadybugDB), or GraphML (Cytoscape) or "
                 "GEXF (Gephi).",
                 ["kg export neo4j out/ --out out/neo4j      # CSVs, load.cypher and ladybug.cypher",
                  "kg export graphml out/ --out out/         # out/graph.graphml",
                  "kg export gexf out/graph.ttl --out graph.gexf"])
    x.add_argument("format", choices=("neo4j", "graphml", "gexf"))
    x.add_argument("graph", help=graph_help)
    x.add_argument("--out", required=True,
                   help="a folder for neo4j; otherwise a .graphml or .gexf file, or a folder to hold graph.FORMAT")
    x.set_defaults(run=cmd_export)
    _one_line_errors(x)
    s = _command(sub, "stats", "counts, the most connected zones and companies, components",
                 "Count the entities and facts by type and relation, rank the most connected zones and companies "
                 "(degree and betweenness) and the entities in the most documents, and size the connected "
                 "components.",
                 ["kg stats out/", "kg stats out/graph.ttl --top 3"])
    s.add_argument("graph", help=graph_help)
    s.add_argument("--top", type=int, default=10, help="how many entities each ranking lists (default: 10)")
    s.set_defaults(run=cmd_stats)
    rdf_help = "a folder written by kg build, its graph.ttl (or .nt, .jsonld, .trig) or its extraction.jsonl"
    c = _command(sub, "validate", "check a graph against the SHACL shapes of the ontology",
                 "Check a graph against the SHACL shapes of the ontology (ontology/shapes.ttl) and say what is "
                 "wrong in words, one violation a line, naming each node by type, label and IRI.",
                 ["kg validate out/graph.ttl", "kg validate out/graph.nt"],
                 "exit code 0: conforms; 1: violations, one a line on standard output")
    c.add_argument("graph", help=rdf_help)
    c.set_defaults(run=cmd_validate)
    q = _command(sub, "query", "run a SPARQL query on a graph file or an endpoint",
                 "Run a SPARQL query on a graph file (in pyoxigraph) or at an endpoint, and print the answer as "
                 "a table, or as SPARQL 1.1 CSV or JSON results; CONSTRUCT and DESCRIBE print Turtle.",
                 ["kg query out/graph.ttl 'SELECT ?zone ?name WHERE { ?zone a hz:Zone ; rdfs:label ?name }'",
                  "kg query out/graph.ttl --file ontology/queries/companies_per_zone.rq --format csv",
                  "kg query http://127.0.0.1:7878/query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'"])
    q.add_argument("graph", help=rdf_help + ", or a SPARQL endpoint URL")
    q.add_argument("sparql", nargs="?", help="the query; the graph's prefixes (hz:, rdfs:, zone: …) need no PREFIX")
    q.add_argument("--file", help="read the query from this file instead")
    q.add_argument("--format", choices=RESULT_FORMATS, default="table",
                   help="table (default), or the SPARQL 1.1 CSV or JSON results format")
    q.add_argument("--timeout", default=str(QUERY_TIMEOUT), metavar="SECONDS",
                   help=f"stop the query after this long (default: {QUERY_TIMEOUT:g}); Ctrl-C stops it at once")
    q.set_defaults(run=cmd_query)
    _one_line_errors(q)
    r = _command(sub, "serve", "serve a graph at a SPARQL 1.1 endpoint on localhost (Oxigraph) until Ctrl-C",
                 "Load a graph into Oxigraph's server, in memory, on 127.0.0.1: SPARQL queries at /query, "
                 "updates at /update, the Graph Store Protocol at /store. Read-only unless --writable; only "
                 "requests addressed to localhost and not from other sites' pages are answered; LOAD and SERVICE "
                 "reach only this machine unless --allow-remote. Ctrl-C stops it.",
                 ["kg serve out/graph.ttl                # http://127.0.0.1:7878/query",
                  "kg serve out/graph.ttl --port 0       # any free port",
                  "kg serve out/graph.ttl --writable     # updates too, with the token it prints",
                  "kg serve out/graph.ttl --timeout 120 --allow-remote query.wikidata.org"])
    r.add_argument("graph", help=rdf_help)
    r.add_argument("--port", default="7878", help="the port to listen on (default: 7878; 0: any free port)")
    r.add_argument("--timeout", default=str(QUERY_TIMEOUT), metavar="SECONDS",
                   help=f"stop each query after this long, in whole seconds (default: {QUERY_TIMEOUT:g})")
    r.add_argument("--writable", action="store_true",
                   help="allow updates (/update, writes to /store), to requests with the token printed at start")
    r.add_argument("--allow-remote", action="append", default=[], metavar="HOST",
                   help="let LOAD and SERVICE fetch from HOST (repeat for more; default: only this machine)")
    r.set_defaults(run=cmd_serve)
    _one_line_errors(r)
    u = _command(sub, "push", "upload a graph to a triple store (SPARQL 1.1 Graph Store HTTP Protocol)",
                 "Upload a graph to a triple store with the SPARQL 1.1 Graph Store HTTP Protocol: POST adds to "
                 "the graph, --replace PUTs over what it held; without --graph into the default graph.",
                 ["kg push out/graph.ttl --endpoint http://127.0.0.1:7878/store --graph https://example.org/news",
                  "kg push out/graph.ttl --endpoint http://localhost:7200/repositories/hz/rdf-graphs/service",
                  "kg push out/graph.ttl --endpoint http://localhost:3030/hz/data --replace   # Fuseki, PUT"])
    u.add_argument("graph", help=rdf_help)
    u.add_argument("--endpoint", required=True, help="the graph store URL, e.g. http://localhost:7878/store")
    u.add_argument("--graph", dest="graph_iri", help="the named graph to load into (default: the default graph)")
    u.add_argument("--replace", action="store_true", help="replace what the graph held (PUT) rather than add (POST)")
    u.add_argument("--token", help="the token of kg serve --writable, sent as Authorization: Bearer TOKEN")
    u.set_defaults(run=cmd_push)
    _one_line_errors(u)
    w = _command(sub, "view", "write an interactive HTML page of the graph or of one entity's neighbourhood",
                 "Write one self-contained HTML page, which works offline, of the whole graph or of what lies "
                 "within some links of one entity: nodes coloured by type, the sentences of each link on hover, "
                 "a search box.",
                 ["kg view out/ --entity 示例高新区 --hops 1 --out view.html",
                  "kg view out/graph.ttl --max-nodes 200 --out top200.html   # the 200 best-linked entities"])
    w.add_argument("graph", help=graph_help)
    w.add_argument("--entity", help="the name (or an alias) of the entity at the centre (default: the whole graph)")
    w.add_argument("--hops", type=int, default=2, help="how many links from the entity the page reaches (default: 2)")
    w.add_argument("--max-nodes", type=int, default=MAX_NODES,
                   help=f"past this many entities show those with the most links (default: {MAX_NODES}; 0: all)")
    w.add_argument("--out", default="view.html", help="the page to write (default: view.html)")
    w.set_defaults(run=cmd_view)
    rv = _command(sub, "review", "write a page to tick facts right or wrong and download the corrections file",
                  "Write one self-contained HTML page of every fact of a build with its sentences, the least "
                  "confident first, filterable by relation, zone and document. Tick each fact right or wrong, "
                  "retype or merge entities, and download the decisions as corrections.yaml, which kg build "
                  "--corrections applies on every build.",
                  ["kg review out/                      # out/review.html",
                   "kg review out/ --out ~/review.html",
                   "kg build news/ --out out/ --corrections ~/Downloads/corrections.yaml"])
    rv.add_argument("graph", help=graph_help)
    rv.add_argument("--out", help="the page to write (default: GRAPH/review.html for a build folder)")
    rv.set_defaults(run=cmd_review)
    _one_line_errors(rv)
    o = _command(sub, "show", "print one entity: its type, aliases, documents and facts with their sentences",
                 "Print the entity called NAME (or with NAME as an alias): its type, aliases and documents, and "
                 "every fact it is part of with the sentences it was read from. When no entity has that name, "
                 "the nearest names are suggested.",
                 ["kg show out/ 潍坊高新区", "kg show out/graph.ttl 韩滨"])
    o.add_argument("graph", help=graph_help)
    o.add_argument("name", help="the entity's name or one of its aliases")
    o.set_defaults(run=cmd_show)
    _one_line_errors(o)
    f = _command(sub, "search", "list the entities whose name or alias holds some text",
                 "List the entities whose name or an alias holds TEXT, one a line with its type and links: "
                 "the name itself first, then an alias, a name that starts with it, one that holds it.",
                 ["kg search out/ 高新区", "kg search out/extraction.jsonl 潍坊 --limit 5"],
                 "exit code 0: found; 1: no entity's name holds TEXT")
    f.add_argument("graph", help=graph_help)
    f.add_argument("text", help="some of a name, in any script width (ＡＢＣ finds ABC)")
    f.add_argument("--limit", type=int, default=20, help="list at most this many (default: 20; 0: all)")
    f.set_defaults(run=cmd_search)
    _one_line_errors(f)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command is None:
        parser().print_help()
        return 0
    try:
        return args.run(args)
    except (InputError, WorkerDied) as exc:
        print(terminal(f"kg: error: {exc}"), file=sys.stderr)
        return 2
    except BrokenPipeError:
        # the reader (head, less) stopped early: that is no error; keep Python from reporting it at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:
        print(terminal(f"kg: error: {exc.filename or ''}: {exc.strerror or exc}"), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("kg: interrupted; nothing was changed (kg build leaves its output folder as it was)", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
