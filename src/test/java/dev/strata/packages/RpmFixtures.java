package dev.strata.packages;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes rpm header blobs the way rpm lays them out, and SQLite rpmdbs holding them. */
public final class RpmFixtures {
    private RpmFixtures() {}

    /** A header with an immutable-region tag first (as rpm writes), then the given tags in order. */
    public static byte[] header(Map<Integer, Object> tags) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        ByteBuffer index = ByteBuffer.allocate(16 * (tags.size() + 1));
        index.putInt(63).putInt(7).putInt(0).putInt(16); // RPMTAG_HEADERIMMUTABLE region (ignored by readers of tags)
        data.writeBytes(new byte[16]);
        for (Map.Entry<Integer, Object> t : tags.entrySet()) {
            Object v = t.getValue();
            if (v instanceof int[] ints) {
                while (data.size() % 4 != 0) {
                    data.write(0);
                }
                index.putInt(t.getKey()).putInt(4).putInt(data.size()).putInt(ints.length);
                for (int i : ints) {
                    data.writeBytes(ByteBuffer.allocate(4).putInt(i).array());
                }
            } else if (v instanceof String s) {
                index.putInt(t.getKey()).putInt(6).putInt(data.size()).putInt(1);
                data.writeBytes(s.getBytes(StandardCharsets.UTF_8));
                data.write(0);
            } else {
                String[] a = (String[]) v;
                index.putInt(t.getKey()).putInt(8).putInt(data.size()).putInt(a.length);
                for (String s : a) {
                    data.writeBytes(s.getBytes(StandardCharsets.UTF_8));
                    data.write(0);
                }
            }
        }
        byte[] d = data.toByteArray();
        ByteBuffer out = ByteBuffer.allocate(8 + index.capacity() + d.length);
        out.putInt(tags.size() + 1).putInt(d.length).put(index.array()).put(d);
        return out.array();
    }

    public static byte[] pkg(String name, String version, String release, Integer epoch, String arch, String... files) {
        Map<Integer, Object> t = new LinkedHashMap<>();
        t.put(RpmHeader.NAME, name);
        t.put(RpmHeader.VERSION, version);
        t.put(RpmHeader.RELEASE, release);
        if (epoch != null) {
            t.put(RpmHeader.EPOCH, new int[] {epoch});
        }
        t.put(RpmHeader.ARCH, arch);
        if (files.length > 0) {
            List<String> dirs = new java.util.ArrayList<>();
            int[] idx = new int[files.length];
            String[] base = new String[files.length];
            for (int i = 0; i < files.length; i++) {
                String dir = files[i].substring(0, files[i].lastIndexOf('/') + 1);
                if (!dirs.contains(dir)) {
                    dirs.add(dir);
                }
                idx[i] = dirs.indexOf(dir);
                base[i] = files[i].substring(files[i].lastIndexOf('/') + 1);
            }
            t.put(RpmHeader.DIRINDEXES, idx);
            t.put(RpmHeader.BASENAMES, base);
            t.put(RpmHeader.DIRNAMES, dirs.toArray(String[]::new));
        }
        return header(t);
    }

    /** An rpmdb.sqlite with rpm's schema (Packages table of header blobs) holding these headers. */
    public static byte[] sqlite(Path tmpDir, byte[]... headers) throws Exception {
        Path db = tmpDir.resolve("rpmdb-" + System.nanoTime() + ".sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)");
            s.execute("CREATE TABLE Name (key TEXT NOT NULL, hnum INTEGER NOT NULL, idx INTEGER NOT NULL)");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO Packages (blob) VALUES (?)")) {
                for (byte[] h : headers) {
                    p.setBytes(1, h);
                    p.executeUpdate();
                }
            }
        }
        byte[] bytes = Files.readAllBytes(db);
        Files.delete(db);
        return bytes;
    }
}
