package io.jfamfs.api;

import java.io.IOException;
import java.lang.foreign.MemorySegment;

/** Receives one piece of a file range as a slice of the device segment (no copy). */
@FunctionalInterface
public interface RangeConsumer {
    /** Called in file order; {@code deviceSlice} holds the file's bytes from {@code fileOffset} on. */
    void accept(long fileOffset, MemorySegment deviceSlice) throws IOException;
}
