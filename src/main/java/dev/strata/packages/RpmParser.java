package dev.strata.packages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The SQLite rpmdb ({@code rpmdb.sqlite}, Fedora 33+, RHEL 9+): a {@code Packages} table of header
 * blobs. SQLite needs a file, so the captured bytes go to a private temporary file that is deleted
 * before returning.
 */
public final class RpmParser {
    private RpmParser() {}

    public static List<Package> parseSqlite(String sourcePath, byte[] bytes, OsRelease os) throws PackageDatabaseException {
        List<byte[]> blobs = new ArrayList<>();
        Path tmp = null;
        try {
            tmp = Files.createTempFile("strata-rpmdb-", ".sqlite");
            Files.write(tmp, bytes);
            Properties props = new Properties();
            props.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp, props);
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT blob FROM Packages")) {
                while (rs.next()) {
                    byte[] blob = rs.getBytes(1);
                    if (blob != null) {
                        blobs.add(blob);
                    }
                }
            }
        } catch (SQLException e) {
            throw new PackageDatabaseException(sourcePath + ": not a readable SQLite rpmdb (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new PackageDatabaseException(sourcePath + ": cannot stage the rpmdb in a temporary file (" + e.getMessage() + ")", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the file sits in the JVM's temporary directory; nothing more can be done
                }
            }
        }
        List<Package> out = new ArrayList<>();
        for (byte[] blob : blobs) {
            Package p = fromHeader(sourcePath, RpmHeader.parse(blob), os);
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    /** One package from a decoded header; null for headers with no name/version and for gpg-pubkey pseudo-packages. */
    public static Package fromHeader(String sourcePath, RpmHeader h, OsRelease os) {
        String name = h.string(RpmHeader.NAME);
        String version = h.string(RpmHeader.VERSION);
        String release = h.string(RpmHeader.RELEASE);
        if (name == null || version == null || name.equals("gpg-pubkey")) {
            return null;
        }
        String arch = h.string(RpmHeader.ARCH);
        Integer epoch = h.epoch();
        String vr = release == null ? version : version + "-" + release;
        String full = epoch == null ? vr : epoch + ":" + vr;
        Map<String, String> q = new LinkedHashMap<>();
        q.put("arch", arch);
        q.put("epoch", epoch == null ? null : epoch.toString());
        q.put("distro", os.distro());
        String purl = Purl.of("rpm", os.namespaceOr("redhat"), name, vr, q);
        return new Package(Ecosystem.RPM, name, full, arch, purl, sourcePath, -1, h.files().stream().sorted().distinct().toList());
    }
}
