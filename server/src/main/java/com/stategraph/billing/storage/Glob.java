package com.stategraph.billing.storage;

import com.google.re2j.Pattern;

/**
 * A glob over object keys: {@code *} and {@code ?} stay within one path segment, {@code **}
 * spans any number of segments including none, {@code [...]} is a character class ({@code !} or
 * {@code ^} negates), {@code {a,b}} is an alternation. Matched by RE2 (re2j), in time linear in
 * the key: a tenant admin's pattern such as {@code *a*a*a*b} cannot make a sync backtrack for ever.
 */
public final class Glob {
    private static final String WILDCARDS = "*?[{";

    private final String pattern;
    private final Pattern regex;

    private Glob(String pattern, Pattern regex) {
        this.pattern = pattern;
        this.regex = regex;
    }

    /** @throws IllegalArgumentException naming the position of what is malformed */
    public static Glob compile(String pattern) {
        return new Glob(pattern, Pattern.compile(new Translator(pattern).translate()));
    }

    public boolean matches(String path) {
        return regex.matcher(path).matches();
    }

    public String pattern() {
        return pattern;
    }

    /** Index of the first wildcard character, or -1 when the pattern is a literal path. */
    public static int firstWildcard(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (WILDCARDS.indexOf(c) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static final class Translator {
        private final String glob;
        private final StringBuilder out = new StringBuilder();
        private int pos;
        private int braceDepth;

        Translator(String glob) {
            this.glob = glob;
        }

        String translate() {
            while (pos < glob.length()) {
                char c = glob.charAt(pos);
                switch (c) {
                    case '*' -> star();
                    case '?' -> { out.append("[^/]"); pos++; }
                    case '[' -> characterClass();
                    case '{' -> { braceDepth++; out.append("(?:"); pos++; }
                    case '}' -> closeBrace();
                    case ',' -> { out.append(braceDepth > 0 ? "|" : ","); pos++; }
                    case '\\' -> escaped();
                    default -> { literal(c); pos++; }
                }
            }
            if (braceDepth > 0) {
                throw malformed("'{' is never closed", glob.lastIndexOf('{'));
            }
            return out.toString();
        }

        private void star() {
            boolean doubleStar = pos + 1 < glob.length() && glob.charAt(pos + 1) == '*';
            if (!doubleStar) {
                out.append("[^/]*");
                pos++;
                return;
            }
            boolean atSegmentStart = pos == 0 || glob.charAt(pos - 1) == '/';
            boolean followedBySlash = pos + 2 < glob.length() && glob.charAt(pos + 2) == '/';
            if (atSegmentStart && followedBySlash) {
                // "**/" matches zero or more whole segments, so a/**/b also matches a/b.
                out.append("(?:[^/]*/)*");
                pos += 3;
            } else {
                out.append(".*");
                pos += 2;
            }
        }

        private void characterClass() {
            int start = pos;
            pos++;
            StringBuilder cls = new StringBuilder("[");
            if (pos < glob.length() && (glob.charAt(pos) == '!' || glob.charAt(pos) == '^')) {
                cls.append('^');
                pos++;
            }
            int members = 0;
            while (pos < glob.length() && (glob.charAt(pos) != ']' || members == 0)) {
                char c = glob.charAt(pos);
                if (c == '/') {
                    throw malformed("'/' cannot appear inside '[...]'", pos);
                }
                if (c == '-' && members > 0 && pos + 1 < glob.length() && glob.charAt(pos + 1) != ']') {
                    cls.append('-');
                } else {
                    cls.append(c == '\\' || c == '[' || c == ']' || c == '^' || c == '&' ? "\\" + c : String.valueOf(c));
                }
                members++;
                pos++;
            }
            if (pos >= glob.length()) {
                throw malformed("'[' is never closed", start);
            }
            pos++;
            out.append(cls).append(']');
        }

        private void closeBrace() {
            if (braceDepth == 0) {
                throw malformed("'}' has no matching '{'", pos);
            }
            braceDepth--;
            out.append(')');
            pos++;
        }

        private void escaped() {
            if (pos + 1 >= glob.length()) {
                throw malformed("'\\' at the end escapes nothing", pos);
            }
            literal(glob.charAt(pos + 1));
            pos += 2;
        }

        /** One character matched as itself: RE2 takes any punctuation escaped with a backslash literally. */
        private void literal(char c) {
            if (!Character.isLetterOrDigit(c) && c < 128) {
                out.append('\\');
            }
            out.append(c);
        }

        private IllegalArgumentException malformed(String what, int at) {
            return new IllegalArgumentException("malformed glob '" + glob + "': " + what + " (at character " + (at + 1) + ")");
        }
    }
}
