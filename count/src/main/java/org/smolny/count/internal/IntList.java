package org.smolny.count.internal;

import java.util.Arrays;

/** A growable list of ints without boxing. Not thread-safe. */
public final class IntList {
    private int[] items;
    private int size;

    public IntList() { this(8); }

    public IntList(int capacity) { items = new int[Math.max(1, capacity)]; }

    public void add(int value) {
        if (size == items.length) items = Arrays.copyOf(items, size * 2);
        items[size++] = value;
    }

    public int get(int index) {
        if (index >= size) throw new IndexOutOfBoundsException(index);
        return items[index];
    }

    public int size() { return size; }

    /** The backing array; only the first {@link #size()} entries are meaningful. */
    public int[] raw() { return items; }
}
