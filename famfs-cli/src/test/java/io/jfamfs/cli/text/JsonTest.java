package io.jfamfs.cli.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void shouldWriteNestedObjectsAndArraysIndented() {
        String s = new Json().beginObject()
                .field("a", 1).field("b", "x").field("c", true)
                .name("d").beginArray().value(1).value(2).endArray()
                .name("e").beginObject().endObject()
                .name("f").beginArray().endArray()
                .name("g").nullValue()
                .endObject().toString();
        assertThat(s).isEqualTo("""
                {
                  "a": 1,
                  "b": "x",
                  "c": true,
                  "d": [
                    1,
                    2
                  ],
                  "e": {},
                  "f": [],
                  "g": null
                }""");
    }

    @Test
    void shouldEscapeQuotesBackslashesAndControlCharacters() {
        assertThat(new Json().value("a\"b\\c\n\u0001\u00fc").toString()).isEqualTo("\"a\\\"b\\\\c\\n\\u0001\u00fc\"");
    }

    @Test
    void shouldRefuseUnclosedContainers() {
        assertThatThrownBy(() -> new Json().beginObject().toString()).isInstanceOf(IllegalStateException.class);
    }
}
