package org.gridfleet.v2g.control;

/** A stable merge sort of int indices with a primitive comparator: no boxing on the allocator's hot path. */
final class IndexSort {

    /** Compares two indices, like {@link java.util.Comparator#compare}. */
    @FunctionalInterface
    interface IndexComparator {
        int compare(int a, int b);
    }

    private IndexSort() {
    }

    /** The indices 0..n-1 ordered by {@code cmp}, ties kept in index order. */
    static int[] sorted(int n, IndexComparator cmp) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        int[] buf = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    buf[k++] = cmp.compare(a[j], a[i]) < 0 ? a[j++] : a[i++];
                }
                while (i < mid) {
                    buf[k++] = a[i++];
                }
                while (j < hi) {
                    buf[k++] = a[j++];
                }
            }
            int[] t = a;
            a = buf;
            buf = t;
        }
        return a;
    }
}
