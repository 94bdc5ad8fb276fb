package dev.strata.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.image.testing.Compression;
import dev.strata.image.testing.TestEntry;
import dev.strata.image.testing.TestImageBuilder;
import dev.strata.image.testing.TestLayer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * For generated layer stacks, the reader's merged tree equals a deliberately naive reference
 * model: a plain map from path to entry, updated entry by entry with linear scans.
 */
class MergeModelProperties {
    private static Path dir;

    @BeforeContainer
    static void createDir() throws IOException {
        dir = Files.createTempDirectory("strata-merge-model");
    }

    @AfterContainer
    static void removeDir() throws IOException {
        try (var s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** One generated layer entry. */
    record Op(char kind, String path, int content) {
        TestEntry toEntry() {
            return switch (kind) {
                case 'f' -> TestEntry.file(path, "c" + content);
                case 'd' -> TestEntry.dir(path).withMode(0700);
                case 's' -> TestEntry.symlink(path, "t" + content);
                case 'w' -> TestEntry.whiteout(path);
                default -> TestEntry.opaque(path);
            };
        }
    }

    @Provide
    Arbitrary<List<List<Op>>> stacks() {
        Arbitrary<String> segment = Arbitraries.of("a", "b", "a-b", "a.b", "c");
        Arbitrary<String> path = segment.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("/", l));
        Arbitrary<Op> op = Combinators.combine(Arbitraries.of('f', 'f', 'd', 'd', 's', 'w', 'o'), path,
                Arbitraries.integers().between(0, 3)).as(Op::new);
        return op.list().ofMinSize(0).ofMaxSize(12).list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 400)
    void mergedTreeEqualsTheReferenceModel(@ForAll("stacks") List<List<Op>> stack) throws IOException {
        TestImageBuilder builder = new TestImageBuilder();
        for (int i = 0; i < stack.size(); i++) {
            builder.layer(TestLayer.of(stack.get(i).stream().map(Op::toEntry).toList())
                    .compression(Compression.values()[i % 3]));
        }
        Path tar = dir.resolve("img.tar");
        builder.write(TestImageBuilder.Format.OCI_ARCHIVE, tar);

        List<String> expected = Model.apply(stack);
        List<String> actual;
        try {
            Image image = new ImageReader(ReadOptions.defaults()).read(tar);
            actual = image.files().entries().stream().map(MergeModelProperties::describe).toList();
        } catch (ImageReadException e) {
            assertThat(e.getMessage()).contains("writing through it is refused");
            actual = null;
        }
        assertThat(actual).isEqualTo(expected);
    }

    private static String describe(FileEntry e) {
        String what = switch (e.type()) {
            case REGULAR -> "file " + e.sha256();
            case DIRECTORY -> "dir " + Integer.toOctalString(e.mode());
            case SYMLINK -> "symlink " + e.linkTarget();
            default -> e.type().name();
        };
        return e.path() + " " + what + " @" + e.layerIndex();
    }

    /**
     * The naive reference: a map and linear scans. A lower layer's non-directory in the way of a
     * parent becomes a directory; the same layer's is an error (null).
     */
    static final class Model {
        record Entry(String what, int layer, boolean dir) {}

        static List<String> apply(List<List<Op>> stack) {
            Map<String, Entry> fs = new HashMap<>();
            for (int layer = 0; layer < stack.size(); layer++) {
                for (Op op : stack.get(layer)) {
                    String p = "/" + op.path();
                    switch (op.kind()) {
                        case 'w' -> {
                            if (!parents(fs, p, layer)) {
                                return null;
                            }
                            Entry e = fs.get(p);
                            if (e != null && e.layer() < layer) {
                                fs.remove(p);
                            }
                            removeUnder(fs, p, layer);
                        }
                        case 'o' -> {
                            if (!parents(fs, p + "/x", layer)) {
                                return null;
                            }
                            removeUnder(fs, p, layer);
                        }
                        default -> {
                            if (!parents(fs, p, layer)) {
                                return null;
                            }
                            Entry old = fs.get(p);
                            boolean dir = op.kind() == 'd';
                            if (old != null && old.dir() && !dir) {
                                removeUnder(fs, p, Integer.MAX_VALUE);
                            }
                            String what = switch (op.kind()) {
                                case 'f' -> "file " + TestLayer.digestOf(("c" + op.content())
                                        .getBytes(StandardCharsets.UTF_8)).substring(7);
                                case 'd' -> "dir 700";
                                default -> "symlink t" + op.content();
                            };
                            fs.put(p, new Entry(what, layer, dir));
                        }
                    }
                }
            }
            List<String> out = new ArrayList<>();
            fs.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> out.add(e.getKey() + " " + e.getValue().what() + " @" + e.getValue().layer()));
            return out;
        }

        private static boolean parents(Map<String, Entry> fs, String path, int layer) {
            List<String> ancestors = new ArrayList<>();
            for (int i = path.lastIndexOf('/'); i >= 0; i = path.lastIndexOf('/', i - 1)) {
                ancestors.add(0, i == 0 ? "/" : path.substring(0, i));
                if (i == 0) {
                    break;
                }
            }
            for (String a : ancestors) {
                Entry e = fs.get(a);
                if (e == null || (!e.dir() && e.layer() < layer)) {
                    fs.put(a, new Entry("dir 755", layer, true));
                } else if (!e.dir()) {
                    return false;
                }
            }
            return true;
        }

        private static void removeUnder(Map<String, Entry> fs, String dir, int layer) {
            String prefix = dir.equals("/") ? "/" : dir + "/";
            fs.entrySet().removeIf(e -> e.getKey().startsWith(prefix) && !e.getKey().equals("/")
                    && e.getValue().layer() < layer);
        }
    }
}
