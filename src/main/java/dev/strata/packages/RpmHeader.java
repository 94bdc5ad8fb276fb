package dev.strata.packages;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An rpm header blob as the rpmdb stores it: a big-endian index count and data length, then
 * 16-byte index entries (tag, type, offset, count) into a data store. Only the tags strata needs
 * are decoded; every offset is bounds-checked because the bytes come from an untrusted image.
 */
public final class RpmHeader {
    static final int NAME = 1000;
    static final int VERSION = 1001;
    static final int RELEASE = 1002;
    static final int EPOCH = 1003;
    static final int ARCH = 1022;
    static final int OLDFILENAMES = 1027;
    static final int SOURCERPM = 1044;
    static final int DIRINDEXES = 1116;
    static final int BASENAMES = 1117;
    static final int DIRNAMES = 1118;

    private static final int TYPE_INT32 = 4;
    private static final int TYPE_STRING = 6;
    private static final int TYPE_STRING_ARRAY = 8;
    private static final int TYPE_I18NSTRING = 9;
    private static final int MAX_COUNT = 1 << 24;

    private final Map<Integer, Object> values;

    private RpmHeader(Map<Integer, Object> values) {
        this.values = values;
    }

    /** Decodes a header blob (with or without the 8-byte header magic in front). */
    public static RpmHeader parse(byte[] blob) throws PackageDatabaseException {
        int base = 0;
        if (blob.length >= 8 && (blob[0] & 0xff) == 0x8e && (blob[1] & 0xff) == 0xad && (blob[2] & 0xff) == 0xe8) {
            base = 8;
        }
        if (blob.length - base < 8) {
            throw new PackageDatabaseException("rpm header too short (" + blob.length + " bytes)");
        }
        long il = u32(blob, base);
        long dl = u32(blob, base + 4);
        long indexStart = base + 8L;
        long dataStart = indexStart + il * 16;
        if (il > MAX_COUNT || dataStart + dl > blob.length) {
            throw new PackageDatabaseException("rpm header index (" + il + " entries, " + dl + " data bytes) exceeds the blob (" + blob.length + " bytes)");
        }
        Map<Integer, Object> values = new HashMap<>();
        for (int i = 0; i < il; i++) {
            int at = (int) (indexStart + i * 16L);
            int tag = (int) u32(blob, at);
            int type = (int) u32(blob, at + 4);
            long offset = u32(blob, at + 8);
            long count = u32(blob, at + 12);
            if (!wanted(tag)) {
                continue;
            }
            if (offset >= dl || count > MAX_COUNT) {
                throw new PackageDatabaseException("rpm header tag " + tag + " points outside the data store");
            }
            int start = (int) (dataStart + offset);
            int end = (int) (dataStart + dl);
            switch (type) {
                case TYPE_STRING, TYPE_I18NSTRING -> values.put(tag, strings(blob, start, end, 1).get(0));
                case TYPE_STRING_ARRAY -> values.put(tag, strings(blob, start, end, (int) count));
                case TYPE_INT32 -> {
                    if (start + count * 4 > end) {
                        throw new PackageDatabaseException("rpm header tag " + tag + " int array runs past the data store");
                    }
                    int[] ints = new int[(int) count];
                    for (int k = 0; k < count; k++) {
                        ints[k] = (int) u32(blob, start + k * 4);
                    }
                    values.put(tag, ints);
                }
                default -> { }
            }
        }
        return new RpmHeader(values);
    }

    private static boolean wanted(int tag) {
        return tag == NAME || tag == VERSION || tag == RELEASE || tag == EPOCH || tag == ARCH || tag == OLDFILENAMES
                || tag == SOURCERPM || tag == DIRINDEXES || tag == BASENAMES || tag == DIRNAMES;
    }

    private static List<String> strings(byte[] b, int start, int end, int count) throws PackageDatabaseException {
        List<String> out = new ArrayList<>(Math.min(count, 4096));
        int p = start;
        for (int i = 0; i < count; i++) {
            int z = p;
            while (z < end && b[z] != 0) {
                z++;
            }
            if (z >= end) {
                throw new PackageDatabaseException("rpm header string is not terminated inside the data store");
            }
            out.add(new String(b, p, z - p, StandardCharsets.UTF_8));
            p = z + 1;
        }
        return out;
    }

    private static long u32(byte[] b, int at) {
        return ((b[at] & 0xffL) << 24) | ((b[at + 1] & 0xffL) << 16) | ((b[at + 2] & 0xffL) << 8) | (b[at + 3] & 0xffL);
    }

    public String string(int tag) {
        return values.get(tag) instanceof String s ? s : null;
    }

    /** The epoch, or null when the header has none (which rpm treats as 0). */
    public Integer epoch() {
        return values.get(EPOCH) instanceof int[] a && a.length > 0 ? a[0] : null;
    }

    /** Absolute paths of the files in the package: dirnames[dirindexes[i]] + basenames[i], or old filenames. */
    @SuppressWarnings("unchecked")
    public List<String> files() {
        if (values.get(BASENAMES) instanceof List<?> base && values.get(DIRNAMES) instanceof List<?> dirs
                && values.get(DIRINDEXES) instanceof int[] idx) {
            List<String> out = new ArrayList<>(base.size());
            for (int i = 0; i < base.size() && i < idx.length; i++) {
                if (idx[i] >= 0 && idx[i] < dirs.size()) {
                    String p = PathNames.normalise(((List<String>) dirs).get(idx[i]) + ((List<String>) base).get(i));
                    if (p != null) {
                        out.add(p);
                    }
                }
            }
            return out;
        }
        if (values.get(OLDFILENAMES) instanceof List<?> old) {
            List<String> out = new ArrayList<>();
            for (Object o : old) {
                String p = PathNames.normalise((String) o);
                if (p != null) {
                    out.add(p);
                }
            }
            return out;
        }
        return List.of();
    }
}
