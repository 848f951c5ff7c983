package io.jfamfs.ns;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A list with one appending thread and lock-free readers. The writer stores the element, then
 * publishes the new size (volatile); a reader reads the size first, then the array, which holds at
 * least that many elements because a grown array is published before the size that needs it.
 */
final class AppendOnlyList<T> {
    private volatile Object[] elements = new Object[4];
    private volatile int size;

    /** Appends {@code value}; callers serialize. */
    void add(T value) {
        Object[] a = elements;
        int n = size;
        if (n == a.length) {
            a = Arrays.copyOf(a, n * 2);
            elements = a;
        }
        a[n] = value;
        size = n + 1;
    }

    int size() {
        return size;
    }

    /** Returns an immutable view of the elements published so far. */
    List<T> snapshot() {
        int n = size;
        Object[] a = elements;
        return new View<>(a, n);
    }

    private static final class View<T> extends AbstractList<T> implements RandomAccess {
        private final Object[] a;
        private final int n;

        View(Object[] a, int n) {
            this.a = a;
            this.n = n;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T get(int i) {
            java.util.Objects.checkIndex(i, n);
            return (T) a[i];
        }

        @Override
        public int size() {
            return n;
        }
    }
}
