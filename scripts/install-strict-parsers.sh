#!/usr/bin/env bash
# The strict RDF parsers the tests check our output with, from Debian's packages:
#   rapper  (raptor2-utils)  Raptor, the C parser of librdf
#   RDF4J   (librdf4j-java)  the Java parser GraphDB uses, run with the JDK
# tests/rdf/test_strict_parsers.py runs this when they are missing; it needs root.
set -euo pipefail
if command -v rapper >/dev/null && [ -f /usr/share/java/rdf4j-rio-turtle.jar ] && command -v java >/dev/null; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends raptor2-utils librdf4j-java openjdk-17-jdk-headless >/dev/null
