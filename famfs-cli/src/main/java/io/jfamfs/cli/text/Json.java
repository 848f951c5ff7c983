package io.jfamfs.cli.text;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A streaming JSON writer, two-space indented, with no dependency. Calls nest like the document:
 * {@code beginObject().name("a").value(1).endObject()}. Strings are escaped per RFC 8259 (control
 * characters as a six-character unicode escape); non-ASCII text is kept as UTF-8.
 */
public final class Json {
    private final StringBuilder out = new StringBuilder();
    /** Per open container: true once it has a member, so the next one needs a comma. */
    private final Deque<boolean[]> stack = new ArrayDeque<>();
    private boolean afterName;

    public Json beginObject() {
        open('{');
        return this;
    }

    public Json endObject() {
        close('}');
        return this;
    }

    public Json beginArray() {
        open('[');
        return this;
    }

    public Json endArray() {
        close(']');
        return this;
    }

    /** Writes a member name; the next call writes its value. */
    public Json name(String name) {
        separate();
        quote(name);
        out.append(": ");
        afterName = true;
        return this;
    }

    public Json value(String s) {
        if (s == null) {
            return nullValue();
        }
        separate();
        quote(s);
        return this;
    }

    public Json value(long n) {
        separate();
        out.append(n);
        return this;
    }

    public Json value(boolean b) {
        separate();
        out.append(b);
        return this;
    }

    public Json nullValue() {
        separate();
        out.append("null");
        return this;
    }

    /** Shorthand for {@code name(n).value(v)}. */
    public Json field(String n, String v) {
        return name(n).value(v);
    }

    public Json field(String n, long v) {
        return name(n).value(v);
    }

    public Json field(String n, boolean v) {
        return name(n).value(v);
    }

    /** Returns the document; all containers must be closed. */
    @Override
    public String toString() {
        if (!stack.isEmpty()) {
            throw new IllegalStateException("unclosed JSON container");
        }
        return out.toString();
    }

    private void open(char c) {
        separate();
        out.append(c);
        stack.push(new boolean[1]);
    }

    private void close(char c) {
        boolean[] top = stack.pop();
        if (top[0]) {
            newline();
        }
        out.append(c);
    }

    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (stack.isEmpty()) {
            return;
        }
        boolean[] top = stack.peek();
        if (top[0]) {
            out.append(',');
        }
        top[0] = true;
        newline();
    }

    private void newline() {
        out.append('\n');
        out.repeat("  ", stack.size());
    }

    private void quote(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
