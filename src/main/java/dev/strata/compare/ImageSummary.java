package dev.strata.compare;

import dev.strata.image.Image;

/**
 * Identity of one compared image.
 *
 * @param source the file or directory it was read from
 * @param format detected container format (docker-archive, oci-archive, oci-layout)
 * @param configDigest digest of the config blob (the image id)
 * @param manifestDigest digest of the manifest, or null for legacy docker-archives
 * @param platform os/arch[/variant]
 * @param layers number of layers
 * @param files number of paths in the merged file system
 */
public record ImageSummary(String source, String format, String configDigest, String manifestDigest, String platform, int layers, int files) {

    public static ImageSummary of(Image image) {
        return new ImageSummary(
                image.source() == null ? null : image.source().toString(),
                image.format() == null ? null : image.format().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                image.configDigest(),
                image.manifestDigest(),
                image.platform(),
                image.layers().size(),
                image.files() == null ? 0 : image.files().size());
    }
}
