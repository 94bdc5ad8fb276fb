package dev.strata.sbom;

import dev.strata.image.Image;
import dev.strata.packages.DatabaseIssue;
import dev.strata.packages.Package;
import dev.strata.packages.PackageInventory;
import dev.strata.packages.Purl;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.metadata.ToolInformation;

/**
 * A CycloneDX 1.6 bill of materials for one image: the image is the subject
 * ({@code metadata.component}, type container, identified by its config and manifest digests), and
 * every package the inventory found is a component with its purl. The document is deterministic:
 * the serial number is derived from the config digest and no wall-clock timestamp is written, so
 * the same image always yields the same bytes.
 */
public final class ImageSbom {
    public static final Version SPEC = Version.VERSION_16;

    private ImageSbom() {}

    public static Bom build(Image image, PackageInventory inventory, String toolVersion) {
        Bom bom = new Bom();
        bom.setSerialNumber("urn:uuid:" + UUID.nameUUIDFromBytes(("strata-sbom:" + image.configDigest()).getBytes(StandardCharsets.UTF_8)));
        bom.setVersion(1);
        Metadata metadata = new Metadata();
        // the library stamps "now" by default; left out so the same image always gives the same bytes
        metadata.setTimestamp(null);
        Component tool = new Component();
        tool.setType(Component.Type.APPLICATION);
        tool.setName("strata");
        tool.setVersion(toolVersion);
        ToolInformation tools = new ToolInformation();
        tools.setComponents(List.of(tool));
        metadata.setToolChoice(tools);
        metadata.setComponent(subject(image));
        List<Property> notes = new ArrayList<>();
        for (DatabaseIssue i : inventory.issues()) {
            notes.add(new Property("strata:unreadPackageDatabase", i.path() + ": " + i.problem()));
        }
        if (!notes.isEmpty()) {
            metadata.setProperties(notes);
        }
        bom.setMetadata(metadata);
        List<Component> components = new ArrayList<>();
        Set<String> refs = new HashSet<>();
        for (Package p : inventory.packages()) {
            components.add(component(p, refs));
        }
        bom.setComponents(components);
        return bom;
    }

    /** The BOM as CycloneDX JSON text. */
    public static String json(Bom bom) {
        try {
            return BomGeneratorFactory.createJson(SPEC, bom).toJsonString() + "\n";
        } catch (GeneratorException e) {
            throw new IllegalStateException("cannot serialise the SBOM", e);
        }
    }

    private static Component subject(Image image) {
        Component c = new Component();
        c.setType(Component.Type.CONTAINER);
        String name = imageName(image);
        c.setName(name);
        c.setVersion(image.manifestDigest() != null ? image.manifestDigest() : image.configDigest());
        c.setBomRef(image.configDigest());
        String digest = image.manifestDigest() != null ? image.manifestDigest() : image.configDigest();
        Map<String, String> q = new LinkedHashMap<>();
        if (image.platform() != null && image.platform().contains("/")) {
            q.put("arch", image.platform().split("/")[1]);
        }
        c.setPurl(Purl.of("oci", null, name, digest, q));
        List<Property> props = new ArrayList<>();
        props.add(new Property("strata:configDigest", image.configDigest()));
        if (image.manifestDigest() != null) {
            props.add(new Property("strata:manifestDigest", image.manifestDigest()));
        }
        if (image.indexDigest() != null) {
            props.add(new Property("strata:indexDigest", image.indexDigest()));
        }
        if (image.platform() != null) {
            props.add(new Property("strata:platform", image.platform()));
        }
        props.add(new Property("strata:format", image.format().name().toLowerCase(Locale.ROOT).replace('_', '-')));
        props.add(new Property("strata:layers", String.valueOf(image.layers().size())));
        c.setProperties(props);
        return c;
    }

    /** The image file or directory name without its extension, lowercased as OCI names are. */
    static String imageName(Image image) {
        if (image.source() == null || image.source().getFileName() == null) {
            return "image";
        }
        String n = image.source().getFileName().toString();
        for (String ext : List.of(".tar.gz", ".tgz", ".tar")) {
            if (n.endsWith(ext) && n.length() > ext.length()) {
                n = n.substring(0, n.length() - ext.length());
                break;
            }
        }
        return n.toLowerCase(Locale.ROOT);
    }

    private static Component component(Package p, Set<String> refs) {
        Component c = new Component();
        c.setType(Component.Type.LIBRARY);
        c.setName(p.name());
        c.setVersion(p.version());
        c.setPurl(p.purl());
        String ref = p.purl();
        if (!refs.add(ref)) {
            ref = p.purl() + "#" + p.sourcePath();
            refs.add(ref);
        }
        c.setBomRef(ref);
        List<Property> props = new ArrayList<>();
        props.add(new Property("strata:ecosystem", p.ecosystem().id()));
        props.add(new Property("strata:sourcePath", p.sourcePath()));
        if (p.layerIndex() >= 0) {
            props.add(new Property("strata:layer", String.valueOf(p.layerIndex())));
        }
        props.add(new Property("strata:fileCount", String.valueOf(p.files().size())));
        c.setProperties(props);
        return c;
    }
}
