import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Loads each file given on the command line with {@code java.util.Properties.load(Reader)} (UTF-8) and prints
 * one JSON object: file name to its key/value map, or to {@code {"$error": message}} when Java rejects it.
 * A leading byte-order mark is dropped first, as Kafka Lint's reader does (editors hide it).
 * Used by test/unit/properties-java.test.ts to compare Kafka Lint's reader with Java's.
 */
public final class PropsDump {
    private PropsDump() {}

    public static void main(String[] args) throws Exception {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < args.length; i++) {
            Path path = Path.of(args[i]);
            String text = Files.readString(path, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) text = text.substring(1);
            if (i > 0) out.append(',');
            quote(out, path.getFileName().toString());
            out.append(':');
            Properties props = new Properties();
            try (Reader reader = new java.io.StringReader(text)) {
                props.load(reader);
                Map<String, String> sorted = new TreeMap<>();
                for (String name : props.stringPropertyNames()) sorted.put(name, props.getProperty(name));
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, String> e : sorted.entrySet()) {
                    if (!first) out.append(',');
                    first = false;
                    quote(out, e.getKey());
                    out.append(':');
                    quote(out, e.getValue());
                }
                out.append('}');
            } catch (IllegalArgumentException e) {
                out.append("{\"$error\":");
                quote(out, String.valueOf(e.getMessage()));
                out.append('}');
            }
        }
        out.append('}');
        System.out.print(out);
    }

    private static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20 || c > 0x7e) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        out.append('"');
    }
}
