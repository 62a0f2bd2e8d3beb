package dev.keel.runner.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay between keel and PostgreSQL that kills keel at a chosen point: the {@code n}-th request keel sends
 * (a request is what a client sends after the server said it was ready: one statement, or several sent together),
 * counted over every connection keel opens. Kill points are numbered, so a test can loop over all of them.
 * <ul>
 *   <li>{@link Kill#BEFORE_SENDING}: keel dies before request {@code n} leaves it: every connection is closed,
 *       nothing more is relayed and new connections are refused, as after a {@code kill -9} of keel.</li>
 *   <li>{@link Kill#AFTER_SENDING}: request {@code n} reaches the server, then keel dies as above (the server
 *       runs it, or starts to, and finds its client gone).</li>
 *   <li>{@link Kill#TERMINATE}: request {@code n} reaches the server and its session is ended at once with
 *       {@code pg_terminate_backend} from another session; keel lives on and sees its connection lost.</li>
 * </ul>
 */
public final class KillRelay implements AutoCloseable {
    /** How keel is killed at the chosen request. */
    public enum Kill { BEFORE_SENDING, AFTER_SENDING, TERMINATE }

    private final ServerSocket server;
    private final String host;
    private final int port;
    private final Callable<Connection> admin;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<Socket> sockets = new ArrayList<>();
    private volatile int killAt = Integer.MAX_VALUE;
    private volatile Kill kill = Kill.AFTER_SENDING;
    private volatile boolean dead;
    private volatile String killed;
    private volatile Runnable beforeKill = () -> {};

    /** A relay to PostgreSQL at {@code host:port}; {@code admin} opens a direct connection (for {@link Kill#TERMINATE}). */
    public KillRelay(String host, int port, Callable<Connection> admin) throws IOException {
        this.host = host;
        this.port = port;
        this.admin = admin;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "kill-relay-accept");
        accept.setDaemon(true);
        accept.start();
    }

    /** The JDBC URL {@code url} (of the server this relay leads to) pointed at the relay instead. */
    public String url(String url) {
        String relayed = url.replaceFirst("//[^/]+/", "//127.0.0.1:" + server.getLocalPort() + "/");
        if (relayed.equals(url)) {
            throw new IllegalArgumentException("the URL names no host and port: " + url);
        }
        return relayed;
    }

    /** Kills keel, {@code how}, at its {@code n}-th request (1 is the first). */
    public void arm(int n, Kill how) {
        kill = how;
        killAt = n;
    }

    /** Kills keel, {@code how}, at its {@code n}-th request, after running {@code first} (which may wait). */
    public void arm(int n, Kill how, Runnable first) {
        beforeKill = first;
        arm(n, how);
    }

    /** The requests keel sent so far. */
    public int requests() {
        return requests.get();
    }

    /** What keel sent in the request it was killed at (readable text of the protocol's bytes), or null if not killed yet. */
    public String killed() {
        return killed;
    }

    private void accept() {
        try {
            while (true) {
                Socket client = server.accept();
                if (dead) {
                    client.close();
                    continue;
                }
                Socket upstream = new Socket(host, port);
                synchronized (sockets) {
                    sockets.add(client);
                    sockets.add(upstream);
                }
                var answered = new AtomicBoolean(true);
                start(() -> fromClient(client, upstream, answered), "kill-relay-up");
                start(() -> fromServer(upstream, client, answered), "kill-relay-down");
            }
        } catch (IOException closed) {
            // the relay is closed
        }
    }

    private static void start(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    private void fromClient(Socket client, Socket upstream, AtomicBoolean answered) {
        byte[] buffer = new byte[65536];
        try (InputStream in = client.getInputStream(); OutputStream out = upstream.getOutputStream()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (dead) {
                    return;
                }
                if (answered.getAndSet(false)) {
                    int request = requests.incrementAndGet();
                    if (request == killAt) {
                        killed = printable(buffer, n);
                        beforeKill.run();
                        if (kill != Kill.BEFORE_SENDING) {
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                        if (kill == Kill.TERMINATE) {
                            terminate(upstream.getLocalPort());
                        } else {
                            die();
                            return;
                        }
                        continue;
                    }
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException closed) {
            // one side went away
        } finally {
            closeQuietly(upstream);
        }
    }

    private void fromServer(Socket upstream, Socket client, AtomicBoolean answered) {
        byte[] buffer = new byte[65536];
        byte[] tail = new byte[6];
        try (InputStream in = upstream.getInputStream(); OutputStream out = client.getOutputStream()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (dead) {
                    return;
                }
                for (int i = 0; i < n; i++) {
                    System.arraycopy(tail, 1, tail, 0, 5);
                    tail[5] = buffer[i];
                }
                out.write(buffer, 0, n);
                out.flush();
                // ReadyForQuery ends each answer: 'Z', length 5, the transaction status
                if (tail[0] == 'Z' && tail[1] == 0 && tail[2] == 0 && tail[3] == 0 && tail[4] == 5) {
                    answered.set(true);
                }
            }
        } catch (IOException closed) {
            // one side went away
        } finally {
            closeQuietly(client);
        }
    }

    /** Ends the server session whose client port is {@code clientPort} (the relay's side of that connection). */
    private void terminate(int clientPort) {
        try (Connection c = admin.call(); var st = c.createStatement()) {
            st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE client_port = " + clientPort);
        } catch (Exception e) {
            throw new IllegalStateException("could not end keel's session: " + e, e);
        }
    }

    /** keel is dead: every connection closed, nothing relayed from now on. */
    private void die() {
        dead = true;
        synchronized (sockets) {
            sockets.forEach(KillRelay::closeQuietly);
        }
    }

    private static String printable(byte[] b, int n) {
        String text = new String(b, 0, n, StandardCharsets.ISO_8859_1);
        return text.replaceAll("[^\\x20-\\x7e]+", " ").strip();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        die();
        server.close();
    }

    /** A direct connection opener for {@code db}. */
    public static Callable<Connection> direct(Db db) {
        return db.database::connect;
    }
}
