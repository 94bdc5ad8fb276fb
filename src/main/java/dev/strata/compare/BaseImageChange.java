package dev.strata.compare;

import java.util.List;

/**
 * The images were built on different base images (or the base image tag moved between builds).
 * Claimed only on evidence the images record (see {@link BaseImage}), never for {@code FROM
 * scratch} builds, and never when the base layers differ in timestamps alone.
 *
 * @param sharedLayers how many leading base layers both images share before they diverge
 * @param layersA A's base layers that B does not contain
 * @param layersB B's base layers that A does not contain
 */
public record BaseImageChange(int sharedLayers, List<LayerInfo> layersA, List<LayerInfo> layersB) implements Cause {
    public BaseImageChange {
        layersA = List.copyOf(layersA);
        layersB = List.copyOf(layersB);
    }

    @Override
    public String kind() {
        return "base-image-changed";
    }
}
