package io.jfamfs.cli.text;

import io.jfamfs.omf.Fmap;
import io.jfamfs.omf.SimpleExtent;
import java.util.List;

/**
 * The shadow file YAML that the reference's {@code famfs_emit_file_yaml} writes for each file
 * (libyaml block style, explicit {@code ---}/{@code ...} markers): path, decimal size/flags/uid/gid,
 * octal mode with a leading 0, extents with hex offsets and lengths. The path is quoted the way
 * libyaml's emitter chooses (plain when allowed, else single-, else double-quoted with
 * {@code \xNN} escapes for non-ASCII, as libyaml does with unicode output off).
 */
public final class ShadowYaml {
    private ShadowYaml() {
    }

    /** Returns the YAML document for one file. */
    public static String of(String path, long size, int flags, int mode, int uid, int gid, Fmap fmap) {
        StringBuilder y = new StringBuilder(256);
        y.append("---\nfile:\n");
        y.append("  path: ").append(scalar(path)).append('\n');
        y.append("  size: ").append(size).append('\n');
        y.append("  flags: ").append(flags).append('\n');
        y.append("  mode: 0").append(Integer.toOctalString(mode)).append('\n');
        y.append("  uid: ").append(Integer.toUnsignedString(uid)).append('\n');
        y.append("  gid: ").append(Integer.toUnsignedString(gid)).append('\n');
        switch (fmap) {
            case Fmap.Simple s -> {
                y.append("  nextents: ").append(s.extents().size()).append('\n');
                y.append("  simple_ext_list:\n");
                extents(y, s.extents(), "  ");
            }
            case Fmap.Interleaved i -> {
                y.append("  nextents: 1\n");
                y.append("  striped_ext_list:\n");
                y.append("  - nstrips: ").append(i.nstrips()).append('\n');
                y.append("    chunk_size: 0x").append(Long.toHexString(i.chunkSize())).append('\n');
                y.append("    simple_ext_list:\n");
                extents(y, i.strips(), "    ");
            }
        }
        y.append("...\n");
        return y.toString();
    }

    private static void extents(StringBuilder y, List<SimpleExtent> extents, String indent) {
        for (SimpleExtent e : extents) {
            y.append(indent).append("- devindex: ").append(e.devIndex()).append('\n');
            y.append(indent).append("  offset: 0x").append(Long.toHexString(e.offset())).append('\n');
            y.append(indent).append("  length: 0x").append(Long.toHexString(e.length())).append('\n');
        }
    }

    /** Returns {@code s} as libyaml would emit it as a block mapping value. */
    static String scalar(String s) {
        Analysis a = analyze(s);
        if (a.plainAllowed) {
            return s;
        }
        if (a.singleQuotedAllowed) {
            return "'" + s.replace("'", "''") + "'";
        }
        return doubleQuoted(s);
    }

    private record Analysis(boolean plainAllowed, boolean singleQuotedAllowed) {
    }

    /** Mirrors the parts of libyaml's {@code yaml_emitter_analyze_scalar} a relpath can hit. */
    private static Analysis analyze(String s) {
        if (s.isEmpty()) {
            return new Analysis(false, true);
        }
        if (s.startsWith("---") || s.startsWith("...")) {
            return new Analysis(false, true);
        }
        boolean blockIndicators = false;
        boolean special = false;
        boolean lineBreaks = false;
        int[] cps = s.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            boolean followedBySpace = i + 1 >= cps.length || isBlankOrBreak(cps[i + 1]);
            boolean precededBySpace = i == 0 || isBlankOrBreak(cps[i - 1]);
            if (i == 0) {
                if ("#,[]{}&*!|>'\"%@`".indexOf(c) >= 0) {
                    blockIndicators = true;
                }
                if ((c == '?' || c == ':' || c == '-') && followedBySpace) {
                    blockIndicators = true;
                }
            } else {
                if (c == ':' && followedBySpace) {
                    blockIndicators = true;
                }
                if (c == '#' && precededBySpace) {
                    blockIndicators = true;
                }
            }
            if (!isPrintable(c) || c > 0x7f) {
                special = true;
            }
            if (c == '\n') {
                lineBreaks = true;
            }
        }
        boolean edgeSpace = isBlankOrBreak(cps[0]) || isBlankOrBreak(cps[cps.length - 1]);
        boolean plain = !blockIndicators && !special && !lineBreaks && !edgeSpace;
        boolean single = !special && !lineBreaks;
        return new Analysis(plain, single);
    }

    private static boolean isBlankOrBreak(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    /** libyaml's {@code IS_PRINTABLE}. */
    private static boolean isPrintable(int c) {
        return c == 0x0a || (c >= 0x20 && c <= 0x7e) || c == 0x85 || (c >= 0xa0 && c <= 0xd7ff)
                || (c >= 0xe000 && c <= 0xfffd && c != 0xfeff) || c >= 0x10000;
    }

    /** libyaml's {@code yaml_emitter_write_double_quoted} without line folding, unicode output off. */
    private static String doubleQuoted(String s) {
        StringBuilder q = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            switch (c) {
                case 0 -> q.append("\\0");
                case 7 -> q.append("\\a");
                case 8 -> q.append("\\b");
                case 9 -> q.append("\\t");
                case 0x0a -> q.append("\\n");
                case 0x0b -> q.append("\\v");
                case 0x0c -> q.append("\\f");
                case 0x0d -> q.append("\\r");
                case 0x1b -> q.append("\\e");
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case 0x85 -> q.append("\\N");
                case 0xa0 -> q.append("\\_");
                case 0x2028 -> q.append("\\L");
                case 0x2029 -> q.append("\\P");
                default -> {
                    if (isPrintable(c) && c <= 0x7f) {
                        q.appendCodePoint(c);
                    } else if (c <= 0xff) {
                        q.append(String.format("\\x%02X", c));
                    } else if (c <= 0xffff) {
                        q.append(String.format("\\u%04X", c));
                    } else {
                        q.append(String.format("\\U%08X", c));
                    }
                }
            }
        });
        return q.append('"').toString();
    }

    /** A shadow file's content, as {@link #parse} reads it back. */
    public record Record(String path, long size, int flags, int mode, int uid, int gid, Fmap fmap) {
    }

    /**
     * Parses a document in the shape {@link #of} writes (the famfs_fused reader's subset: block
     * mappings and sequences, numbers in any base, plain or quoted path). Unknown keys under
     * {@code file:} are an error, as in the reference parser.
     *
     * @throws IllegalArgumentException naming the line that does not fit
     */
    public static Record parse(String text) {
        java.util.Map<String, String> file = new java.util.LinkedHashMap<>();
        List<SimpleExtent> extents = new java.util.ArrayList<>();
        long nstrips = -1;
        long chunk = -1;
        boolean striped = false;
        long[] ext = null;
        for (String raw : text.split("\n")) {
            String line = raw.stripTrailing();
            String t = line.strip();
            if (t.isEmpty() || t.equals("---") || t.equals("...") || t.equals("file:")) {
                continue;
            }
            boolean item = t.startsWith("- ");
            if (item) {
                t = t.substring(2).strip();
            }
            int colon = t.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("not a key: value line: " + raw);
            }
            String key = t.substring(0, colon).strip();
            String value = t.substring(colon + 1).strip();
            switch (key) {
                case "path" -> file.put(key, unquote(value));
                case "size", "flags", "mode", "uid", "gid", "nextents" -> file.put(key, value);
                case "simple_ext_list" -> { }
                case "striped_ext_list" -> striped = true;
                case "nstrips" -> nstrips = number(value);
                case "chunk_size" -> chunk = number(value);
                case "devindex", "offset", "length" -> {
                    if (item || ext == null) {
                        ext = new long[] {0, -1, -1};
                        extents.add(null);
                    }
                    ext[key.equals("devindex") ? 0 : key.equals("offset") ? 1 : 2] = number(value);
                    extents.set(extents.size() - 1, new SimpleExtent(ext[0], ext[1], ext[2]));
                }
                default -> throw new IllegalArgumentException("unknown key: " + key);
            }
        }
        for (String k : List.of("path", "size", "flags", "mode", "uid", "gid")) {
            if (!file.containsKey(k)) {
                throw new IllegalArgumentException("missing key: " + k);
            }
        }
        for (SimpleExtent e : extents) {
            if (e.offset() < 0 || e.length() < 0) {
                throw new IllegalArgumentException("extent without offset or length");
            }
        }
        Fmap fmap = striped ? new Fmap.Interleaved(nstrips, chunk, extents) : new Fmap.Simple(extents);
        return new Record(file.get("path"), number(file.get("size")), (int) number(file.get("flags")),
                (int) Long.parseLong(file.get("mode"), 8), (int) number(file.get("uid")), (int) number(file.get("gid")),
                fmap);
    }

    private static long number(String s) {
        if (s.startsWith("0x") || s.startsWith("0X")) {
            return Long.parseUnsignedLong(s.substring(2), 16);
        }
        if (s.length() > 1 && s.startsWith("0")) {
            return Long.parseLong(s.substring(1), 8);
        }
        return Long.parseLong(s);
    }

    private static String unquote(String v) {
        if (v.startsWith("'") && v.endsWith("'") && v.length() >= 2) {
            return v.substring(1, v.length() - 1).replace("''", "'");
        }
        if (!(v.startsWith("\"") && v.endsWith("\"") && v.length() >= 2)) {
            return v;
        }
        StringBuilder b = new StringBuilder();
        String s = v.substring(1, v.length() - 1);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'x' -> { b.appendCodePoint(Integer.parseInt(s.substring(i + 1, i + 3), 16)); i += 2; }
                case 'u' -> { b.appendCodePoint(Integer.parseInt(s.substring(i + 1, i + 5), 16)); i += 4; }
                case 'U' -> { b.appendCodePoint(Integer.parseInt(s.substring(i + 1, i + 9), 16)); i += 8; }
                case '0' -> b.append('\0');
                case 'a' -> b.append((char) 7);
                case 'b' -> b.append('\b');
                case 't' -> b.append('\t');
                case 'n' -> b.append('\n');
                case 'v' -> b.append((char) 11);
                case 'f' -> b.append('\f');
                case 'r' -> b.append('\r');
                case 'e' -> b.append((char) 27);
                case 'N' -> b.append((char) 0x85);
                case '_' -> b.append((char) 0xa0);
                case 'L' -> b.append((char) 0x2028);
                case 'P' -> b.append((char) 0x2029);
                default -> b.append(e);
            }
        }
        return b.toString();
    }
}
