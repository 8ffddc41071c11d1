package io.rialto.core.cli;

import java.util.Arrays;

/**
 * Gives each distinct account text a number from 1, looked up straight from the line's characters: a string is
 * allocated only the first time an account is seen. Open addressing with linear probing, doubled at half full.
 * Memory grows with the number of distinct accounts, not with the number of lines. Single-threaded.
 */
final class MatchAccounts {

    private String[] names = new String[64];
    private long[] ids = new long[64];
    private int size;

    /** The number of the account written in {@code chars[from, to)}; {@code from < to}. */
    long idOf(char[] chars, int from, int to) {
        int hash = hash(chars, from, to);
        int mask = names.length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            String name = names[i];
            if (name == null) {
                names[i] = new String(chars, from, to - from);
                ids[i] = ++size;
                if (size * 2 > names.length) {
                    grow();
                }
                return size;
            }
            if (matches(name, chars, from, to)) {
                return ids[i];
            }
        }
    }

    private static int hash(char[] chars, int from, int to) {
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + chars[i];
        }
        return hash ^ (hash >>> 16);
    }

    private static boolean matches(String name, char[] chars, int from, int to) {
        if (name.length() != to - from) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) != chars[from + i]) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        String[] oldNames = names;
        long[] oldIds = ids;
        names = new String[oldNames.length * 2];
        ids = new long[oldNames.length * 2];
        int mask = names.length - 1;
        for (int j = 0; j < oldNames.length; j++) {
            String name = oldNames[j];
            if (name != null) {
                int i = hash(name.toCharArray(), 0, name.length()) & mask;
                while (names[i] != null) {
                    i = (i + 1) & mask;
                }
                names[i] = name;
                ids[i] = oldIds[j];
            }
        }
        Arrays.fill(oldNames, null);
    }
}
