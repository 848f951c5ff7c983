package io.jfamfs.fuse.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Pins every struct size and the offsets the kernel documents (include/uapi/linux/fuse.h, 7.45). */
class LayoutSizeTest {
    @Test
    void shouldMatchTheKernelStructSizes() {
        assertThat(InHeader.SIZE).isEqualTo(40);
        assertThat(OutHeader.SIZE).isEqualTo(16);
        assertThat(Init.IN_LAYOUT.byteSize()).isEqualTo(64);
        assertThat(Init.OUT_LAYOUT.byteSize()).isEqualTo(64);
        assertThat(Attr.SIZE).isEqualTo(88);
        assertThat(EntryOut.SIZE).isEqualTo(128);
        assertThat(AttrOut.SIZE).isEqualTo(104);
        assertThat(OpenOut.SIZE).isEqualTo(16);
        assertThat(StatfsOut.SIZE).isEqualTo(80);
        assertThat(SetattrIn.LAYOUT.byteSize()).isEqualTo(88);
        assertThat(Requests.ReadIn.LAYOUT.byteSize()).isEqualTo(40);
        assertThat(Requests.WriteIn.LAYOUT.byteSize()).isEqualTo(40);
        assertThat(Requests.ReleaseIn.LAYOUT.byteSize()).isEqualTo(24);
        assertThat(Requests.FlushIn.LAYOUT.byteSize()).isEqualTo(24);
        assertThat(Requests.GetattrIn.LAYOUT.byteSize()).isEqualTo(16);
        assertThat(Requests.CreateIn.LAYOUT.byteSize()).isEqualTo(16);
        assertThat(Requests.MknodIn.LAYOUT.byteSize()).isEqualTo(16);
        assertThat(Requests.SetxattrIn.LAYOUT.byteSize()).isEqualTo(16);
        assertThat(Requests.Forget.ONE_LAYOUT.byteSize()).isEqualTo(16);
        assertThat(Dirents.DIRENT_SIZE).isEqualTo(24);
        assertThat(FmapCodec.HEADER_LAYOUT.byteSize()).isEqualTo(32);
        assertThat(FmapCodec.SIMPLE_EXT_LAYOUT.byteSize()).isEqualTo(24);
        assertThat(FmapCodec.IEXT_LAYOUT.byteSize()).isEqualTo(24);
        assertThat(FmapCodec.DAXDEV_OUT_LAYOUT.byteSize()).isEqualTo(280);
    }

    @Test
    void shouldPlaceInitOutFieldsWhereTheKernelReadsThem() {
        assertThat(Init.IN_FLAGS2_OFFSET).isEqualTo(16); // byte 56 of the whole INIT message
        assertThat(Init.OUT_MAX_PAGES_OFFSET).isEqualTo(28);
        assertThat(Init.OUT_FLAGS2_OFFSET).isEqualTo(32);
        assertThat(Wire.offset(Init.OUT_LAYOUT, "max_stack_depth")).isEqualTo(36);
        assertThat(Wire.offset(Init.OUT_LAYOUT, "request_timeout")).isEqualTo(40);
        assertThat(EntryOut.ATTR_OFFSET).isEqualTo(40);
        assertThat(AttrOut.ATTR_OFFSET).isEqualTo(16);
    }
}
