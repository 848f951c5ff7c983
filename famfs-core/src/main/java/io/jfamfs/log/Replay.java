package io.jfamfs.log;

import io.jfamfs.alloc.Geometry;
import io.jfamfs.ns.Namespace;
import io.jfamfs.ns.Rejection;
import io.jfamfs.omf.LogEntry;
import io.jfamfs.omf.LogHeader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Log replay ({@code __famfs_logplay}, made strict): entries are applied in index order; a bad
 * entry (CRC or seqnum) stops the replay there with a problem recorded and the entries before it
 * kept, as in the reference; an entry the namespace rejects is skipped with a problem recorded.
 * No I/O of its own: the entries come from an {@link EntryReader}.
 */
public final class Replay {
    private Replay() {
    }

    /**
     * What one replay step did.
     *
     * @param nextIndex the first slot not applied: where the next incremental step starts
     * @param applied   how many slots were read and applied or skipped as rejected
     * @param stopped   whether the step stopped at a bad entry before {@code to}
     */
    public record Step(long nextIndex, int applied, List<Problem> problems, boolean stopped) {
    }

    /** What a full replay built. */
    public record Result(Namespace namespace, List<Problem> problems, long nextIndex, boolean complete) {
    }

    /**
     * Applies slots {@code [from, to)} to {@code ns}; stops at the first bad entry. Called by a daemon on
     * a timer with {@code from} = the previous step's {@code nextIndex} and {@code to} = the header's
     * {@code next_index}; retrying a stopped step later is how a torn read of an entry being appended
     * by another host heals.
     */
    public static Step apply(Namespace ns, EntryReader reader, long from, long to) {
        List<Problem> problems = List.of();
        long i = from;
        for (; i < to; i++) {
            LogEntry e;
            try {
                e = reader.read(i);
            } catch (IOException ex) {
                problems = add(problems, new Problem(i, ex.getMessage() + "; replay stops here"));
                return new Step(i, (int) (i - from), problems, true);
            }
            Optional<Rejection> r = ns.apply(i, e);
            if (r.isPresent()) {
                problems = add(problems, new Problem(i, r.get().reason()));
            }
        }
        return new Step(i, (int) (i - from), problems, false);
    }

    /**
     * Replays a whole log into a new namespace for a device of {@code geometry}; {@code header} must
     * already be validated (magic and CRC). A {@code next_index} past the last slot is reported and
     * clamped.
     */
    public static Result replay(Geometry geometry, LogHeader header, EntryReader reader) {
        Namespace ns = new Namespace(geometry);
        List<Problem> problems = new ArrayList<>();
        long to = clampedNextIndex(header, problems);
        Step step = apply(ns, reader, 0, to);
        problems.addAll(step.problems());
        return new Result(ns, List.copyOf(problems), step.nextIndex(), !step.stopped());
    }

    /** Returns {@code next_index}, clamped to the slot count with a problem recorded when it is past it. */
    static long clampedNextIndex(LogHeader header, List<Problem> problems) {
        long slots = header.lastIndex() + 1;
        long next = header.nextIndex();
        if (next < 0 || next > slots) {
            problems.add(new Problem(-1, "log header next_index %d is outside [0, %d]; replaying %d slots"
                    .formatted(next, slots, Math.max(0, Math.min(next, slots)))));
            return Math.max(0, Math.min(next, slots));
        }
        return next;
    }

    private static List<Problem> add(List<Problem> list, Problem p) {
        List<Problem> out = list.isEmpty() ? new ArrayList<>() : list;
        out.add(p);
        return out;
    }
}
