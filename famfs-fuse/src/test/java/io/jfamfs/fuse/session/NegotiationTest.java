package io.jfamfs.fuse.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfamfs.fuse.kernel.Init;
import io.jfamfs.fuse.kernel.InitFlags;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The INIT answer for the offers measured on this machine and for a (faked) famfs kernel. */
class NegotiationTest {
    private static final long OFFERED_HERE = 0x000005fd73fffffbL;
    private final MountOptions options = MountOptions.of("src", Path.of("/mnt"));

    @Test
    void shouldAnswerTheStockKernelWithTheRecommendedFlags() {
        Init.Out out = FuseSession.negotiate(new Init.In(7, 45, 131072, OFFERED_HERE), options);
        assertThat(out.minor()).isEqualTo(45);
        assertThat(out.maxWrite()).isEqualTo(1 << 20);
        assertThat(out.maxPages()).isEqualTo(256);
        assertThat(InitFlags.names(out.flags())).contains("ASYNC_READ", "MAX_PAGES", "PARALLEL_DIROPS", "ABORT_ERROR",
                "INIT_EXT", "DIRECT_IO_ALLOW_MMAP").doesNotContain("WRITEBACK_CACHE", "DO_READDIRPLUS", "DAX_FMAP(bit43)");
    }

    @Test
    void shouldNotAnswerMinor46OrFmapWhenBit43ComesWithMinor45() {
        Init.Out out = FuseSession.negotiate(new Init.In(7, 45, 131072, OFFERED_HERE | InitFlags.DAX_FMAP),
                new MountOptions("src", Path.of("/mnt"), "jfamfs", true, true, false, 2, 1 << 20, false, true));
        assertThat(out.minor()).isEqualTo(45);
        assertThat(out.flags() & InitFlags.DAX_FMAP).isZero();
    }

    @Test
    void shouldTakeFmapModeOnAFamfsKernelWhenAsked() {
        Init.Out out = FuseSession.negotiate(new Init.In(7, 46, 131072, OFFERED_HERE | InitFlags.DAX_FMAP),
                new MountOptions("src", Path.of("/mnt"), "jfamfs", true, true, false, 2, 1 << 20, false, true));
        assertThat(out.minor()).isEqualTo(46);
        assertThat(out.flags() & InitFlags.DAX_FMAP).isNotZero();
        Capabilities caps = new Capabilities(7, 46, 46, OFFERED_HERE | InitFlags.DAX_FMAP, out.flags(), 1 << 20, 256, 0);
        assertThat(caps.daxFmapOffered()).isTrue();
    }

    @Test
    void shouldOnlySpeakTheKernelsMinorWhenItIsOlder() {
        Init.Out out = FuseSession.negotiate(new Init.In(7, 31, 131072, 0x73fffffbL & 0xFFFFFFFFL), options);
        assertThat(out.minor()).isEqualTo(31);
        assertThat(out.flags() >>> 32).isZero();
    }

    @Test
    void shouldBuildTheMountDataWithoutFsname() {
        assertThat(options.kernelOptions(5, 0, 0)).isEqualTo(
                "fd=5,rootmode=40000,user_id=0,group_id=0,default_permissions,allow_other,max_read=1048576");
        assertThat(options.withAllowOther(false).withDefaultPermissions(false).kernelOptions(7, 1000, 100))
                .isEqualTo("fd=7,rootmode=40000,user_id=1000,group_id=100,max_read=1048576");
        assertThat(options.fsType()).isEqualTo("fuse.jfamfs");
    }
}
