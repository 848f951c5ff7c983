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
}
