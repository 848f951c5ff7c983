package io.jfamfs.testing;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny JSON reader for the golden manifests, so tests need no JSON library. A {@code Json} wraps
 * one parsed value: {@code Map}, {@code List}, {@code String}, {@code Long}/{@code BigInteger}/
 * {@code Double}, {@code Boolean} or {@code null}. Navigation fails loudly on a missing key.
 */
public final class Json {
    private final Object value;

    private Json(Object value) {
        this.value = value;
    }

    /** Parses a whole JSON text. */
    public static Json parse(String text) {
        Parser p = new Parser(text);
        Object v = p.value();
        p.skipWhitespace();
        if (p.pos != text.length()) {
            throw p.error("trailing data");
        }
        return new Json(v);
    }

    /** Returns the member {@code key} of this object; throws when absent. */
    public Json get(String key) {
        Map<?, ?> m = (Map<?, ?>) value;
        if (!m.containsKey(key)) {
            throw new IllegalArgumentException("no key " + key + " in " + m.keySet());
        }
        return new Json(m.get(key));
    }

    public boolean has(String key) {
        return value instanceof Map<?, ?> m && m.containsKey(key);
    }

    /** Returns element {@code i} of this array. */
    public Json at(int i) {
        return new Json(((List<?>) value).get(i));
    }

    public int size() {
        return value instanceof Map<?, ?> m ? m.size() : ((List<?>) value).size();
    }

    /** Returns the elements of this array. */
    public List<Json> elements() {
        return ((List<?>) value).stream().map(Json::new).toList();
    }

    public String asString() {
        return (String) value;
    }

    public boolean asBoolean() {
        return (Boolean) value;
    }

    /** Returns a number, or a {@code "0x..."} hex string or {@code "0..."} octal string, as a long. */
    public long asLong() {
        return switch (value) {
            case Long l -> l;
            case BigInteger b -> b.longValue(); // u64 above Long.MAX_VALUE keeps its bits
            case String s when s.startsWith("0x") -> Long.parseUnsignedLong(s.substring(2), 16);
            case String s when s.length() > 1 && s.startsWith("0") -> Long.parseLong(s, 8);
            case String s -> Long.parseLong(s);
            default -> throw new IllegalArgumentException("not a number: " + value);
        };
    }

    public int asInt() {
        return Math.toIntExact(asLong());
    }

    public boolean isNull() {
        return value == null;
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at offset " + pos);
        }

        void skipWhitespace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        Object value() {
            skipWhitespace();
            if (pos >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(pos);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        private Object literal(String word, Object result) {
            if (!s.startsWith(word, pos)) {
                throw error("bad literal");
            }
            pos += word.length();
            return result;
        }

        private Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            pos++;
            skipWhitespace();
            if (s.charAt(pos) == '}') {
                pos++;
                return m;
            }
            while (true) {
                skipWhitespace();
                String key = string();
                skipWhitespace();
                expect(':');
                m.put(key, value());
                skipWhitespace();
                if (s.charAt(pos) == '}') {
                    pos++;
                    return m;
                }
                expect(',');
            }
        }

        private List<Object> array() {
            List<Object> l = new ArrayList<>();
            pos++;
            skipWhitespace();
            if (s.charAt(pos) == ']') {
                pos++;
                return l;
            }
            while (true) {
                l.add(value());
                skipWhitespace();
                if (s.charAt(pos) == ']') {
                    pos++;
                    return l;
                }
                expect(',');
            }
        }

        private void expect(char c) {
            if (pos >= s.length() || s.charAt(pos) != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = s.charAt(pos++);
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> b.append(e); // \" \\ \/
                }
            }
        }

        private Object number() {
            int start = pos;
            while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
            String n = s.substring(start, pos);
            if (n.isEmpty()) {
                throw error("unexpected character");
            }
            if (n.contains(".") || n.contains("e") || n.contains("E")) {
                return Double.parseDouble(n);
            }
            BigInteger b = new BigInteger(n);
            return b.bitLength() < 64 ? (Object) b.longValue() : b;
        }
    }
}
