package de.amtsweg.platform.web;

/** Byte counts as limits are written for people: {@code 1 MB}, {@code 512 KB}. */
final class Sizes {

  private static final long KB = 1024;
  private static final long MB = KB * KB;

  private Sizes() {}

  static String format(long bytes) {
    if (bytes < 0) {
      return "?";
    }
    if (bytes >= MB && bytes % MB == 0) {
      return bytes / MB + " MB";
    }
    if (bytes >= MB) {
      return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (double) MB);
    }
    if (bytes >= KB) {
      return bytes / KB + " KB";
    }
    return bytes + " B";
  }

  /** Megabytes as a number, for messages that format it ({@code {0,number,#.##} MB}). */
  static double megabytes(long bytes) {
    return bytes / (double) MB;
  }
}
