package dev.keel.runner;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A PostgreSQL JDBC URL taken apart: {@code jdbc:postgresql://[USER[:PASSWORD]@]HOST[:PORT][,HOST...]/DATABASE?KEY=VALUE&...}.
 * The driver does not take the {@code USER:PASSWORD@} form (it reads it as part of the host name), so keel
 * takes them out of the URL it gives the driver and passes them as the connection's user and password.
 *
 * @param driverUrl        the URL without {@code USER:PASSWORD@}: what the driver gets
 * @param userInfoUser     the user before {@code @}, decoded, or null
 * @param userInfoPassword the password before {@code @}, decoded, or null
 * @param hosts            the hosts and ports as written ({@code db:5432}, {@code a,b:5433}); {@code localhost} when none
 * @param database         the database name, decoded, or null when the URL names none
 * @param parameters       the parameters, keys in lower case, values decoded
 */
record JdbcUrl(String driverUrl, String userInfoUser, String userInfoPassword, String hosts, String database,
               Map<String, String> parameters) {
    static final String PREFIX = "jdbc:postgresql:";
    private static final int DEFAULT_PORT = 5432;

    /** Takes {@code url} apart; it must start with {@link #PREFIX}. */
    static JdbcUrl parse(String url) {
        String rest = url.substring(PREFIX.length());
        int q = rest.indexOf('?');
        String query = q < 0 ? null : rest.substring(q + 1);
        String beforeQuery = q < 0 ? rest : rest.substring(0, q);
        var parameters = new LinkedHashMap<String, String>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
                if (!key.isEmpty()) {
                    parameters.put(key, eq < 0 ? "" : decodeParameter(pair.substring(eq + 1)));
                }
            }
        }
        if (!beforeQuery.startsWith("//")) {
            String db = beforeQuery.isEmpty() || beforeQuery.equals("/") ? null : decode(beforeQuery.replaceFirst("^/", ""));
            return new JdbcUrl(url, null, null, "localhost", db, parameters);
        }
        String authorityAndPath = beforeQuery.substring(2);
        int at = authorityAndPath.lastIndexOf('@');
        String user = null;
        String password = null;
        String hostAndPath = authorityAndPath;
        if (at >= 0) {
            String userInfo = authorityAndPath.substring(0, at);
            hostAndPath = authorityAndPath.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        int slash = hostAndPath.indexOf('/');
        String hosts = slash < 0 ? hostAndPath : hostAndPath.substring(0, slash);
        String db = slash < 0 || slash == hostAndPath.length() - 1 ? null : decode(hostAndPath.substring(slash + 1));
        String driverUrl = at < 0 ? url : PREFIX + "//" + hostAndPath + (query == null ? "" : "?" + query);
        return new JdbcUrl(driverUrl, user, password, hosts.isEmpty() ? "localhost" : hosts, db, parameters);
    }

    /** The user the URL names ({@code ?user=} first, as the driver reads it, then {@code USER@}), or null. */
    String user() {
        return parameters.containsKey("user") ? parameters.get("user") : userInfoUser;
    }

    /** The first host and its port, {@code HOST:PORT} (the default port 5432 when none is written). */
    String firstHostAndPort() {
        return withPort(hosts.split(",")[0]);
    }

    /** Each host, without its port or IPv6 brackets, and its port, in the URL's order: libpq's host and port lists. */
    java.util.List<java.util.Map.Entry<String, String>> hostsAndPorts() {
        var result = new java.util.ArrayList<java.util.Map.Entry<String, String>>();
        for (String h : hosts.split(",")) {
            String hostAndPort = withPort(h);
            String host = hostAndPort.substring(0, hostAndPort.lastIndexOf(':'));
            host = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            result.add(Map.entry(host, hostAndPort.substring(hostAndPort.lastIndexOf(':') + 1)));
        }
        return result;
    }

    private static String withPort(String first) {
        int close = first.lastIndexOf(']');
        int colon = first.lastIndexOf(':');
        boolean hasPort = colon > close && (close >= 0 || first.indexOf(':') == colon);
        return hasPort ? first : first + ":" + DEFAULT_PORT;
    }

    /** The first host's name, without its port or IPv6 brackets. */
    String firstHost() {
        String hostAndPort = firstHostAndPort();
        String host = hostAndPort.substring(0, hostAndPort.lastIndexOf(':'));
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** Whether the URL names more than one host (the driver tries them in turn). */
    boolean severalHosts() {
        return hosts.contains(",");
    }

    /** Percent-decoding of a URL part ({@code +} stays {@code +}, as in libpq's URIs). */
    private static String decode(String text) {
        return decodeParameter(text.replace("+", "%2B"));
    }

    /** A parameter's value as the driver decodes it ({@code +} is a space). */
    private static String decodeParameter(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
