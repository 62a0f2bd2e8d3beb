package dev.keel.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * keel.json as most projects write it, read without Jackson: strict JSON (no comments, no trailing commas),
 * only the known keys, each once, each value of its own JSON type (a string where a string goes, an integer
 * where a number goes), no {@code null}, nothing after the object but white space, and a configuration that
 * its records accept. Anything else gives empty, and {@link KeelConfig#parse} reads the text with Jackson,
 * which gives the same configuration for what is read here, and for the rest its value or its error with the
 * file, line and column. Starting Jackson is most of the time of reading keel.json (tens of milliseconds),
 * and the {@code makemigrations --check} of unchanged files needs nothing else of it.
 */
final class PlainKeelJson {
    private final String text;
    private int at;

    private PlainKeelJson(String text) {
        this.text = text;
    }

    /** Not this form: {@link KeelConfig#parse} asks Jackson. */
    private static final class NotPlain extends RuntimeException {
        NotPlain() {
            super(null, null, false, false);
        }
    }

    /** The configuration of {@code json} when it is in the plain form; empty otherwise (Jackson reads it then). */
    static Optional<KeelConfig> read(String json) {
        try {
            var reader = new PlainKeelJson(json);
            Map<String, Object> root = reader.document();
            return Optional.of(config(root));
        } catch (RuntimeException e) {
            // NotPlain, or a value the records refuse (IllegalArgumentException...): Jackson says where
            return Optional.empty();
        }
    }

    private static KeelConfig config(Map<String, Object> o) {
        known(o, "sourceRoots", "naming", "beanValidation", "apps", "database", "largeTables", "databases", "migrations", "libraries", "hibernate");
        Map<String, DatabaseConfig> databases = null;
        if (o.containsKey("databases")) {
            databases = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : object(o.get("databases")).entrySet()) {
                databases.put(e.getKey(), database(object(e.getValue())));
            }
        }
        String naming = string(o, "naming");
        Object beanValidation = o.get("beanValidation");
        if (beanValidation != null && !(beanValidation instanceof Boolean)) {
            throw new NotPlain();
        }
        List<AppConfig> apps = null;
        if (o.containsKey("apps")) {
            apps = new ArrayList<>();
            for (Object app : list(o.get("apps"))) {
                Map<String, Object> a = object(app);
                known(a, "label", "package", "migrationsPackage");
                apps.add(new AppConfig(string(a, "label"), string(a, "package"), string(a, "migrationsPackage")));
            }
        }
        Map<String, Object> migrations = o.containsKey("migrations") ? object(o.get("migrations")) : null;
        if (migrations != null) {
            known(migrations, "classpath");
        }
        return KeelConfig.fromJson(strings(o, "sourceRoots"), naming == null ? null : Naming.fromLabel(naming),
                (Boolean) beanValidation, apps, o.containsKey("database") ? database(object(o.get("database"))) : null,
                strings(o, "largeTables"), databases,
                migrations == null ? null : new MigrationsConfig(strings(migrations, "classpath")), strings(o, "libraries"),
                string(o, "hibernate") == null ? null : HibernateVersion.fromLabel(string(o, "hibernate")));
    }

    private static DatabaseConfig database(Map<String, Object> d) {
        known(d, "url", "user", "passwordEnv", "lockTimeout", "statementTimeout", "targets", "largeTableRows");
        List<TargetConfig> targets = null;
        if (d.containsKey("targets")) {
            targets = new ArrayList<>();
            for (Object target : list(d.get("targets"))) {
                Map<String, Object> t = object(target);
                known(t, "name", "url", "user", "passwordEnv");
                targets.add(new TargetConfig(string(t, "name"), string(t, "url"), string(t, "user"), string(t, "passwordEnv")));
            }
        }
        Object rows = d.get("largeTableRows");
        if (rows != null && !(rows instanceof Long)) {
            throw new NotPlain();
        }
        return new DatabaseConfig(string(d, "url"), string(d, "user"), string(d, "passwordEnv"), string(d, "lockTimeout"),
                string(d, "statementTimeout"), targets, (Long) rows);
    }

    private static void known(Map<String, Object> o, String... keys) {
        if (!List.of(keys).containsAll(o.keySet())) {
            throw new NotPlain(); // Jackson names the unknown key, where it is, and the known ones
        }
    }

    private static String string(Map<String, Object> o, String key) {
        Object v = o.get(key);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        throw new NotPlain();
    }

    private static List<String> strings(Map<String, Object> o, String key) {
        if (!o.containsKey(key)) {
            return null;
        }
        var result = new ArrayList<String>();
        for (Object v : list(o.get(key))) {
            if (!(v instanceof String s)) {
                throw new NotPlain();
            }
            result.add(s);
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object v) {
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new NotPlain();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object v) {
        if (v instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new NotPlain();
    }

    // ---- the JSON text: an object of strings, integers, booleans, arrays and objects; no null ----

    private Map<String, Object> document() {
        space();
        Map<String, Object> root = object();
        space();
        if (at != text.length()) {
            throw new NotPlain();
        }
        return root;
    }

    private Object value() {
        char c = peek();
        if (c == '{') {
            return object();
        } else if (c == '[') {
            return array();
        } else if (c == '"') {
            return string();
        } else if (text.startsWith("true", at)) {
            at += 4;
            return Boolean.TRUE;
        } else if (text.startsWith("false", at)) {
            at += 5;
            return Boolean.FALSE;
        } else if (c == '-' || c >= '0' && c <= '9') {
            return integer();
        }
        throw new NotPlain(); // null, or not JSON
    }

    private Map<String, Object> object() {
        expect('{');
        var o = new LinkedHashMap<String, Object>();
        space();
        if (peek() == '}') {
            at++;
            return o;
        }
        while (true) {
            space();
            if (peek() != '"') {
                throw new NotPlain();
            }
            String key = string();
            space();
            expect(':');
            space();
            if (o.put(key, value()) != null) {
                throw new NotPlain(); // a key given twice
            }
            space();
            char c = next();
            if (c == '}') {
                return o;
            }
            if (c != ',') {
                throw new NotPlain();
            }
        }
    }

    private List<Object> array() {
        expect('[');
        var l = new ArrayList<>();
        space();
        if (peek() == ']') {
            at++;
            return l;
        }
        while (true) {
            space();
            l.add(value());
            space();
            char c = next();
            if (c == ']') {
                return l;
            }
            if (c != ',') {
                throw new NotPlain();
            }
        }
    }

    private String string() {
        expect('"');
        var s = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return s.toString();
            }
            if (c < 0x20) {
                throw new NotPlain();
            }
            if (c != '\\') {
                s.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> s.append(e);
                case 'b' -> s.append('\b');
                case 'f' -> s.append('\f');
                case 'n' -> s.append('\n');
                case 'r' -> s.append('\r');
                case 't' -> s.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw new NotPlain();
                    }
                    int code = 0;
                    for (int i = 0; i < 4; i++) {
                        int digit = Character.digit(text.charAt(at++), 16);
                        if (digit < 0) {
                            throw new NotPlain();
                        }
                        code = code * 16 + digit;
                    }
                    s.append((char) code);
                }
                default -> throw new NotPlain();
            }
        }
    }

    /** An integer as JSON writes it (no fraction, no exponent, no leading zero) that fits a long. */
    private Long integer() {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        int digits = at;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        int n = at - digits;
        if (n == 0 || n > 18 || n > 1 && text.charAt(digits) == '0') {
            throw new NotPlain();
        }
        if (at < text.length() && (text.charAt(at) == '.' || text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
            throw new NotPlain();
        }
        return Long.parseLong(text, start, at, 10);
    }

    private void space() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }

    private char peek() {
        if (at >= text.length()) {
            throw new NotPlain();
        }
        return text.charAt(at);
    }

    private char next() {
        char c = peek();
        at++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) {
            throw new NotPlain();
        }
    }
}
