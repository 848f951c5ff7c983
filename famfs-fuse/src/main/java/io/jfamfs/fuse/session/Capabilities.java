package io.jfamfs.fuse.session;

import io.jfamfs.fuse.kernel.InitFlags;

/**
 * The outcome of the INIT handshake: what the kernel offered and what was agreed.
 *
 * @param kernelMajor the kernel's protocol major (7)
 * @param kernelMinor the kernel's protocol minor (45 on this machine)
 * @param minor the minor both sides speak: min(kernel, ours)
 * @param offered the 64-bit flags the kernel offered
 * @param enabled the flags we answered (a subset of {@code offered})
 */
public record Capabilities(int kernelMajor, int kernelMinor, int minor, long offered, long enabled, int maxWrite,
        int maxPages, int maxReadahead) {
    /** Returns true when {@code flag} was negotiated. */
    public boolean has(long flag) {
        return (enabled & flag) == flag;
    }

    /**
     * Returns true when the kernel is a famfs kernel that maps files itself (GET_FMAP): bit 43 with
     * protocol minor ≥ 46. Bit 43 alone means something else on other out-of-tree kernels.
     */
    public boolean daxFmapOffered() {
        return (offered & InitFlags.DAX_FMAP) != 0 && kernelMinor >= InitFlags.DAX_FMAP_MIN_MINOR;
    }

    @Override
    public String toString() {
        return "protocol %d.%d (kernel %d.%d) max_write=%d max_pages=%d enabled=%s".formatted(7, minor, kernelMajor,
                kernelMinor, maxWrite, maxPages, InitFlags.names(enabled));
    }
}
