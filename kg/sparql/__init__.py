"""SPARQL over a graph file or an endpoint: query it, serve it, push it to a triple store.

    from kg.sparql.query import query, render
    print(render(query("out/graph.ttl", "SELECT ?zone WHERE { ?zone a hz:Zone }"), "table"))
"""
