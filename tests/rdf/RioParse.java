// Parses each RDF file given with RDF4J's Rio, the parser GraphDB uses, set to
// fail on what its defaults would only warn about; prints the statement count
// of each, or the parser's error and exit code 1.
//   java -cp "/usr/share/java/rdf4j-*.jar:…" RioParse.java graph.ttl
import java.io.FileInputStream;
import java.io.InputStream;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFParser;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.helpers.BasicParserSettings;
import org.eclipse.rdf4j.rio.helpers.StatementCollector;

public class RioParse {
    public static void main(String[] args) throws Exception {
        for (String path : args) {
            RDFFormat format = Rio.getParserFormatForFileName(path).orElseThrow(
                () -> new IllegalArgumentException("no RDF4J parser for " + path));
            RDFParser parser = Rio.createParser(format);
            parser.getParserConfig()
                .set(BasicParserSettings.VERIFY_URI_SYNTAX, true)
                .set(BasicParserSettings.VERIFY_RELATIVE_URIS, true)
                .set(BasicParserSettings.VERIFY_LANGUAGE_TAGS, true)
                .set(BasicParserSettings.VERIFY_DATATYPE_VALUES, true)
                .set(BasicParserSettings.FAIL_ON_UNKNOWN_DATATYPES, true);
            StatementCollector statements = new StatementCollector();
            parser.setRDFHandler(statements);
            try (InputStream in = new FileInputStream(path)) {
                parser.parse(in, "");
            } catch (Exception e) {
                System.err.println(path + ": " + e.getMessage());
                System.exit(1);
            }
            System.out.println(statements.getStatements().size());
        }
    }
}
