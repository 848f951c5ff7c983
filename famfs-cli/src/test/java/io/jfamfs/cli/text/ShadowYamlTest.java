package io.jfamfs.cli.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfamfs.omf.Fmap;
import io.jfamfs.omf.SimpleExtent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ShadowYamlTest {
    /** One golden case from the reference manifests (see golden/shadow-yaml.txt). */
    record Golden(String source, String path, long size, int flags, int mode, int uid, int gid, Fmap fmap,
            String yaml) {
        @Override
        public String toString() {
            return source;
        }
    }

    static Stream<Golden> golden() throws IOException {
        String text;
        try (InputStream in = ShadowYamlTest.class.getResourceAsStream("/golden/shadow-yaml.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Golden> cases = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].startsWith("@ ")) {
                continue;
            }
            String[] h = lines[i].substring(2).split("\\|");
            StringBuilder yaml = new StringBuilder();
            while (!lines[++i].equals("%%")) {
                yaml.append(lines[i]).append('\n');
            }
            String path = new String(HexFormat.of().parseHex(h[1]), StandardCharsets.UTF_8);
            cases.add(new Golden(h[0], path, Long.parseLong(h[2]), Integer.parseInt(h[3]), Integer.parseInt(h[4]),
                    Integer.parseInt(h[5]), Integer.parseInt(h[6]), fmap(h[7]), yaml.toString()));
        }
        return cases.stream();
    }

    private static Fmap fmap(String s) {
        String[] f = s.split(" ");
        if (f[0].equals("S")) {
            return new Fmap.Simple(extents(Arrays.copyOfRange(f, 1, f.length)));
        }
        return new Fmap.Interleaved(Long.parseLong(f[1]), Long.parseLong(f[2]),
                extents(Arrays.copyOfRange(f, 3, f.length)));
    }

    private static List<SimpleExtent> extents(String[] specs) {
        return Arrays.stream(specs).map(x -> x.split(":"))
                .map(p -> new SimpleExtent(Long.parseLong(p[0]), Long.parseLong(p[1]), Long.parseLong(p[2])))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void shouldEmitTheReferenceShadowYamlByteForByte(Golden g) {
        assertThat(ShadowYaml.of(g.path(), g.size(), g.flags(), g.mode(), g.uid(), g.gid(), g.fmap()))
                .isEqualTo(g.yaml());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void shouldParseBackWhatTheReferenceWrote(Golden g) {
        assertThat(ShadowYaml.parse(g.yaml())).isEqualTo(new ShadowYaml.Record(g.path(), g.size(), g.flags(),
                g.mode(), g.uid(), g.gid(), g.fmap()));
    }

    @Test
    void shouldRejectUnknownKeysAndMissingFields() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ShadowYaml.parse("---\nfile:\n  bogus: 1\n..."))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ShadowYaml.parse("---\nfile:\n  path: a\n..."))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldCoverSimpleInterleavedAndQuotedGoldenCases() throws IOException {
        List<Golden> all = golden().toList();
        assertThat(all).hasSizeGreaterThanOrEqualTo(16);
        assertThat(all).anyMatch(g -> g.fmap() instanceof Fmap.Interleaved);
        assertThat(all).anyMatch(g -> g.yaml().contains("path: \""));
    }

    @Test
    void shouldQuoteScalarsAsLibyamlDoes() {
        assertThat(ShadowYaml.scalar("a/b.c")).isEqualTo("a/b.c");
        assertThat(ShadowYaml.scalar("sp ace")).isEqualTo("sp ace");
        assertThat(ShadowYaml.scalar("#x")).isEqualTo("'#x'");
        assertThat(ShadowYaml.scalar("a: b")).isEqualTo("'a: b'");
        assertThat(ShadowYaml.scalar("it's")).isEqualTo("it's");
        assertThat(ShadowYaml.scalar("'q")).isEqualTo("'''q'");
        assertThat(ShadowYaml.scalar("trailing ")).isEqualTo("'trailing '");
        assertThat(ShadowYaml.scalar("tab\there")).isEqualTo("\"tab\\there\"");
        assertThat(ShadowYaml.scalar("\u00fc")).isEqualTo("\"\\xFC\"");
        assertThat(ShadowYaml.scalar("\u20ac")).isEqualTo("\"\\u20AC\"");
    }
}
