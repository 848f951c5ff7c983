package io.jfamfs.log;

import io.jfamfs.omf.LogEntry;
import java.io.IOException;

/** Reads and validates log slot {@code index}; any {@link IOException} means the slot is bad (CRC, seqnum, counts). */
@FunctionalInterface
public interface EntryReader {
    LogEntry read(long index) throws IOException;
}
