package dev.strata.packages;

import java.util.List;

/**
 * One installed package found in an image.
 *
 * @param ecosystem which package database it came from
 * @param name the package name as the database spells it
 * @param version the full version string (dpkg: [epoch:]upstream[-revision]; rpm: [epoch:]version-release)
 * @param arch architecture where the database records one, else null
 * @param purl package URL per the purl specification
 * @param sourcePath the database file the package was read from (e.g. /var/lib/dpkg/status)
 * @param layerIndex index of the image layer that installed this version (the layer that last
 *     wrote the package's own metadata file), or -1 when unknown
 * @param files absolute paths the database says the package owns, sorted; empty where the
 *     database does not record files
 */
public record Package(
        Ecosystem ecosystem,
        String name,
        String version,
        String arch,
        String purl,
        String sourcePath,
        int layerIndex,
        List<String> files) {

    public Package {
        files = List.copyOf(files);
    }

    /** Identity of a package across two images: ecosystem, name and architecture. */
    public String key() {
        return ecosystem.id() + "/" + name + (arch == null ? "" : ":" + arch);
    }

    Package withLayerIndex(int index) {
        return new Package(ecosystem, name, version, arch, purl, sourcePath, index, files);
    }

    Package withFiles(List<String> owned) {
        return new Package(ecosystem, name, version, arch, purl, sourcePath, layerIndex, owned);
    }
}
