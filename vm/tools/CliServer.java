import io.jfamfs.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The famfs-vm guest's resident CLI JVM: runs each famfs / mkfs.famfs command line that the famfsc
 * client sends over a Unix socket with {@code Main.run} in this one JVM, one at a time, so that only
 * the first command pays the JVM start and class loading (seconds under TCG). Protocol: see famfsc.c.
 * Usage: CliServer SOCKET
 */
public class CliServer {
    public static void main(String[] a) throws IOException {
        Path sock = Path.of(a[0]);
        Path tmp = sock.resolveSibling(sock.getFileName() + ".tmp");
        Files.deleteIfExists(sock);
        Files.deleteIfExists(tmp);
        try (ServerSocketChannel ss = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            ss.bind(UnixDomainSocketAddress.of(tmp));
            // the socket appears under its real name only once it listens (no "connection refused")
            Files.move(tmp, sock, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            System.out.println("famfs-vm: CLI server listening on " + sock);
            System.out.flush();
            while (true) {
                try (SocketChannel ch = ss.accept()) {
                    serve(ch);
                } catch (IOException | RuntimeException e) {
                    System.err.println("famfs-vm: CLI server: " + e);
                }
            }
        }
    }

    static void serve(SocketChannel ch) throws IOException {
        InputStream in = Channels.newInputStream(ch);
        byte[] req = in.readAllBytes();
        List<String> words = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < req.length; i++) {
            if (req[i] == 0) {
                words.add(new String(req, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        OutputStream raw = Channels.newOutputStream(ch);
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new Framed(raw, 'O'), StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new Framed(raw, 'E'), StandardCharsets.UTF_8), true);
        int code;
        try {
            String prog = words.isEmpty() ? "famfs" : words.get(0);
            String[] args = words.size() > 1 ? words.subList(1, words.size()).toArray(String[]::new) : new String[0];
            code = Main.run(prog, args, out, err);
        } catch (Throwable t) {
            err.println("famfs-vm: CLI server: " + t);
            code = 1;
        }
        out.flush();
        err.flush();
        synchronized (raw) {
            raw.write(new byte[] {'X', (byte) code, (byte) (code >> 8), (byte) (code >> 16), (byte) (code >> 24)});
            raw.flush();
        }
    }

    /** An output stream that sends each write as one frame (tag, u32 length, bytes). */
    static final class Framed extends OutputStream {
        private final OutputStream raw;
        private final byte tag;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        Framed(OutputStream raw, char tag) {
            this.raw = raw;
            this.tag = (byte) tag;
        }

        @Override
        public void write(int b) {
            pending.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            pending.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            if (pending.size() == 0) {
                return;
            }
            byte[] data = pending.toByteArray();
            pending.reset();
            int n = data.length;
            synchronized (raw) {
                raw.write(new byte[] {tag, (byte) n, (byte) (n >> 8), (byte) (n >> 16), (byte) (n >> 24)});
                raw.write(data);
                raw.flush();
            }
        }
    }
}
