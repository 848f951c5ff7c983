package io.jfamfs.fuse.kernel;

import static io.jfamfs.fuse.kernel.Wire.U16;
import static io.jfamfs.fuse.kernel.Wire.U32;
import static io.jfamfs.fuse.kernel.Wire.U64;
import static io.jfamfs.fuse.kernel.Wire.U8;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.nio.charset.StandardCharsets;

/**
 * Encodes GET_FMAP (54) and GET_DAXDEV (55) replies in the layouts of the famfs kernel's
 * {@code fuse_kernel.h} (7.46 proposal):
 * <pre>
 * fuse_famfs_fmap_header (32): 0 file_type u8 | 1 reserved u8 | 2 fmap_version u16 (=1) | 4 ext_type u32
 *                              8 nextents u32 | 12 reserved0 u32 | 16 file_size u64 | 24 reserved1 u64
 * fuse_famfs_simple_ext (24):  0 se_devindex u32 | 4 reserved u32 | 8 se_offset u64 | 16 se_len u64
 * fuse_famfs_iext (24):        0 ie_nstrips u32 | 4 ie_chunk_size u32 | 8 ie_nbytes u64 | 16 reserved u64
 * fuse_daxdev_out (280):       0 index u16 | 2 reserved u16 | 4 reserved2 u32 | 8 reserved3 | 16 reserved4
 *                              24 name char[256]
 * </pre>
 * Simple: header, then {@code nextents} simple extents. Interleaved: header ({@code nextents} = number
 * of iexts), then each iext followed by its {@code ie_nstrips} strips <b>in the simple_ext layout</b>,
 * which is how the kernel parses them.
 *
 * <p>The reference daemon ({@code famfs_log_file_meta_to_msg}) differs for interleaved files: it writes
 * the strips in its private {@code fmap_simple_ext} layout (devindex as u16 at byte 2, a tag at byte 0),
 * which the kernel reads as devindex {@code devindex << 16}; and it silently truncates a 64-bit chunk
 * size to u32. The two agree byte for byte whenever every devindex is 0 and the chunk size fits in
 * 32 bits (every reference golden image). Here a devindex goes at byte 0 and a chunk size of 4 GiB or
 * more is refused rather than truncated. {@code reserved0} (which a later revision of the proposal
 * names {@code fmap_size}) is written as 0, as the reference does.
 */
public final class FmapCodec {
    public static final StructLayout HEADER_LAYOUT = MemoryLayout.structLayout(U8.withName("file_type"),
            U8.withName("reserved"), U16.withName("fmap_version"), U32.withName("ext_type"),
            U32.withName("nextents"), U32.withName("reserved0"), U64.withName("file_size"),
            U64.withName("reserved1"));
    public static final StructLayout SIMPLE_EXT_LAYOUT = MemoryLayout.structLayout(
            U32.withName("se_devindex"), U32.withName("reserved"), U64.withName("se_offset"),
            U64.withName("se_len"));
    public static final StructLayout IEXT_LAYOUT = MemoryLayout.structLayout(U32.withName("ie_nstrips"),
            U32.withName("ie_chunk_size"), U64.withName("ie_nbytes"), U64.withName("reserved"));
    public static final StructLayout DAXDEV_OUT_LAYOUT = MemoryLayout.structLayout(U16.withName("index"),
            U16.withName("reserved"), U32.withName("reserved2"), U64.withName("reserved3"),
            U64.withName("reserved4"), MemoryLayout.sequenceLayout(256, U8).withName("name"));
    public static final int FMAP_VERSION = 1, EXT_SIMPLE = 0, EXT_INTERLEAVE = 1;
    /** The kernel's {@code FUSE_FAMFS_MAX_STRIPS}. */
    public static final int MAX_STRIPS = 32;
    static final long HEADER_SIZE = HEADER_LAYOUT.byteSize(), EXT_SIZE = SIMPLE_EXT_LAYOUT.byteSize(),
            IEXT_SIZE = IEXT_LAYOUT.byteSize();
    static final long DAXDEV_NAME_OFFSET = Wire.offset(DAXDEV_OUT_LAYOUT, "name");

    private FmapCodec() {
    }

    /** Returns the encoded length of {@code fmap}. */
    public static long encodedSize(DaxFmap fmap) {
        return switch (fmap.layout()) {
            case DaxFmap.Simple s -> HEADER_SIZE + EXT_SIZE * s.extents().size();
            case DaxFmap.Interleaved i -> HEADER_SIZE + i.iexts().stream()
                    .mapToLong(x -> IEXT_SIZE + EXT_SIZE * x.strips().size()).sum();
        };
    }

    /** Encodes {@code fmap} at the start of {@code dst}; returns the length. */
    public static long encode(DaxFmap fmap, MemorySegment dst) {
        long size = encodedSize(fmap);
        if (size > dst.byteSize()) {
            throw new IllegalArgumentException("fmap of %d bytes does not fit %d".formatted(size, dst.byteSize()));
        }
        dst.asSlice(0, size).fill((byte) 0);
        dst.set(U8, 0, (byte) fmap.fileType());
        dst.set(U16, 2, (short) FMAP_VERSION);
        dst.set(U64, 16, fmap.fileSize());
        long at = HEADER_SIZE;
        switch (fmap.layout()) {
            case DaxFmap.Simple s -> {
                dst.set(U32, 4, EXT_SIMPLE);
                dst.set(U32, 8, s.extents().size());
                for (DaxFmap.Extent e : s.extents()) {
                    at = encodeExtent(dst, at, e);
                }
            }
            case DaxFmap.Interleaved i -> {
                dst.set(U32, 4, EXT_INTERLEAVE);
                dst.set(U32, 8, i.iexts().size());
                for (DaxFmap.Stripes x : i.iexts()) {
                    at = encodeStripes(dst, at, x);
                }
            }
        }
        return size;
    }

    private static long encodeStripes(MemorySegment dst, long at, DaxFmap.Stripes x) {
        if (x.chunkSize() <= 0 || x.chunkSize() > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("chunk size 0x%x does not fit fuse_famfs_iext.ie_chunk_size (u32)"
                    .formatted(x.chunkSize()));
        }
        if (x.strips().isEmpty() || x.strips().size() > MAX_STRIPS) {
            throw new IllegalArgumentException("%d strips; the kernel takes 1..%d".formatted(
                    x.strips().size(), MAX_STRIPS));
        }
        dst.set(U32, at, x.strips().size());
        dst.set(U32, at + 4, (int) x.chunkSize());
        dst.set(U64, at + 8, x.nbytes());
        at += IEXT_SIZE;
        for (DaxFmap.Extent e : x.strips()) {
            at = encodeExtent(dst, at, e);
        }
        return at;
    }

    private static long encodeExtent(MemorySegment dst, long at, DaxFmap.Extent e) {
        if (e.devIndex() < 0 || e.devIndex() > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("devindex " + e.devIndex() + " does not fit u32");
        }
        dst.set(U32, at, (int) e.devIndex());
        dst.set(U64, at + 8, e.offset());
        dst.set(U64, at + 16, e.length());
        return at + EXT_SIZE;
    }

    /** Encodes a {@code fuse_daxdev_out} naming device {@code index}; returns its length (280). */
    public static long encodeDaxdev(MemorySegment dst, int index, String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length >= 256) {
            throw new IllegalArgumentException("daxdev name longer than 255 bytes: " + name);
        }
        long size = DAXDEV_OUT_LAYOUT.byteSize();
        dst.asSlice(0, size).fill((byte) 0);
        dst.set(U16, 0, (short) index);
        MemorySegment.copy(bytes, 0, dst, U8, DAXDEV_NAME_OFFSET, bytes.length);
        return size;
    }
}
